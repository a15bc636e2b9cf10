// TokenListModel: the live list of readers and the tokens in them, for the Tokens tab and the
// status bar. It holds immutable snapshots (TokenSnapshot) sent by a TokenEventSource: the device
// worker's adapter in the app, a scripted fake in tests. The model never talks to a token.
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace kyso::ui {

/// A certificate on a token, as the details show it.
struct TokenCertificate {
  QString holder;  // the subject's commonName
  QString unit;    // the subject's organisation (O), may be empty
  QString issuer;  // the issuer's commonName
  QString id;      // CKA_ID in hex: the key it belongs to
  QDateTime notAfter;
  bool ca = false;  // a CA certificate of the chain (not a signer's)
};

/// What the UI knows about one reader and the token in it, at one moment. Copied freely.
struct TokenSnapshot {
  enum class Pin { Unknown, Ok, CountLow, FinalTry, Locked, MustChange };
  QString reader;        // PC/SC reader name (the row's key)
  QString module;        // the PKCS#11 module that shows this token (for actions)
  bool present = false;  // a token is in the reader
  QString label;         // CKA_LABEL-like token label (may change with driver versions)
  QString manufacturer;
  QString model;
  QString serial;
  Pin pin = Pin::Unknown;
  std::optional<int> triesLeft;
  bool pinPad = false;
  unsigned long slotId = 0;  // the module's slot id (for initialising the token)
  bool initialized = true;   // CKF_TOKEN_INITIALIZED
  int certificates = -1;     // signers' certificates; -1 when not read yet
  QDateTime
      firstCertExpiry;  // earliest expiry among its signers' certificates, invalid when unknown
  QList<TokenCertificate> certs;  // every certificate object, read without logging in
};

/// Where token events come from. Signals may be emitted from any thread; the model receives them
/// queued on its own thread.
class TokenEventSource : public QObject {
  Q_OBJECT
 public:
  using QObject::QObject;
  /// Asks the source to send the current state again (after the model connects).
  virtual void refresh() = 0;

 signals:
  void readerAdded(const QString& reader);
  void readerRemoved(const QString& reader);
  /// A token was inserted or something about it changed (PIN state after a login, certificates).
  void tokenChanged(const kyso::ui::TokenSnapshot& snapshot);
  /// The token left the reader (the reader stays).
  void tokenRemoved(const QString& reader);
  /// The source stopped working (no PC/SC service): the sentence is for people.
  void sourceFailed(const QString& sentence);
};

class TokenListModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Reader, Token, Serial, PinState, Expiry, ColumnCount_ };
  enum Roles { SnapshotRole = Qt::UserRole + 1 };

  explicit TokenListModel(QObject* parent = nullptr);
  /// Connects to `source` (not owned; must outlive the model or be disconnected by destruction).
  void setSource(TokenEventSource* source);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation o, int role) const override;

  const TokenSnapshot& snapshot(int row) const { return m_rows.at(row); }
  /// The row of a reader, or -1.
  int rowOf(const QString& reader) const;
  /// The first reader holding a token, for the status bar; nullopt when none.
  std::optional<TokenSnapshot> currentToken() const;
  /// "2 tries left", "Locked: request restoration", ... for people.
  static QString pinText(const TokenSnapshot& s);
  /// "Nguyễn Văn A (serial 0123)".
  static QString tokenName(const TokenSnapshot& s);
  QString lastFailure() const { return m_failure; }

  void onReaderAdded(const QString& reader);
  void onReaderRemoved(const QString& reader);
  void onTokenChanged(const kyso::ui::TokenSnapshot& snapshot);
  void onTokenRemoved(const QString& reader);

 signals:
  void currentTokenChanged();

 private:
  QList<TokenSnapshot> m_rows;
  QString m_failure;
};

}  // namespace kyso::ui

Q_DECLARE_METATYPE(kyso::ui::TokenSnapshot)

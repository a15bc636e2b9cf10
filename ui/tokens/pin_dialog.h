// PinDialog: asks for a token PIN. Masked entry; the tries left when the token says; at the final
// try it refuses to go on until the user ticks that they understand the token will lock; for
// PIN-pad readers it asks the user to type the PIN on the reader instead. The PIN goes straight
// from the line edit into a kyso::SecretBuffer and every Qt copy of it is overwritten (see
// takePin()). The dialog never retries by itself: one dialog, one attempt.
#pragma once

#include <QDialog>
#include <QString>
#include <optional>

#include "core/secret.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kyso::ui {

/// What the token layer knows when it asks for a PIN; the dialog only displays it.
struct PinRequest {
  enum class Role { User, SecurityOfficer, Signature, NewUser, NewSecurityOfficer };
  QString token;  // names the token for people: "Nguyễn Văn A — serial 0123"
  Role role = Role::User;
  std::optional<int> triesLeft;  // when the token reports it
  bool countLow = false;         // CKF_*_PIN_COUNT_LOW
  bool finalTry = false;         // CKF_*_PIN_FINAL_TRY
  bool locked = false;           // CKF_*_PIN_LOCKED: nothing to enter, restoration is needed
  bool pinPad = false;           // protected authentication path: the PIN is typed on the reader
};

class PinDialog : public QDialog {
  Q_OBJECT
 public:
  /// Shows nothing by itself: the caller uses open() (never exec(), no nested event loops).
  explicit PinDialog(const PinRequest& request, QWidget* parent = nullptr);
  ~PinDialog() override;

  /// True when OK may be pressed now: a PIN is typed (or the reader's pad is used), the token is
  /// not locked, at the final try the "I understand" box is ticked, and a new PIN is typed twice
  /// the same.
  bool canAccept() const;
  /// Moves the typed PIN (UTF-8) into a SecretBuffer and wipes the line edit, its undo history and
  /// the temporary QString. Call once after accepted(); empty for PIN-pad readers.
  SecretBuffer takePin();

  void accept() override;
  void reject() override;

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void retranslateUi();
  void updateState();
  void wipeEntry();

  PinRequest m_request;
  QLabel* m_title = nullptr;
  QLabel* m_tries = nullptr;
  QLabel* m_warning = nullptr;
  QLineEdit* m_pin = nullptr;
  QLineEdit* m_repeat = nullptr;  // new PINs only: typed twice
  QCheckBox* m_understand = nullptr;
  QPushButton* m_ok = nullptr;
  QPushButton* m_cancel = nullptr;
};

/// Copies a QString into a SecretBuffer as UTF-8 without any intermediate QByteArray/std::string.
void appendUtf8(SecretBuffer& out, const QString& text);
/// Overwrites the characters of `text` in place, including when its buffer is shared with another
/// QString (a line edit's own copy): the point is that no copy of a PIN survives in memory.
void wipeQString(QString& text);

}  // namespace kyso::ui

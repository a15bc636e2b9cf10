// TokensTab: the live token list (TokenListModel), the selected token's details and PIN state,
// and the token actions. Each action asks for a confirmation that names the token before it runs
// on the device worker. Without the token layer in this build the tab says so.
#pragma once

#include <QVariantMap>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace kyso::ui {

class TokenListModel;

class TokensTab : public QWidget {
  Q_OBJECT
 public:
  TokensTab(TokenListModel* model, bool tokenLayerAvailable, QWidget* parent = nullptr);

 signals:
  /// The user confirmed an action on the token in `reader` ("change-pin", "unblock").
  void actionConfirmed(const QString& action, const QString& reader);
  /// The user confirmed a management action (init, keygen, csr, import-cert, self-test) on the
  /// token in `reader`, with its choices (TokenActionDialog::params()).
  void managementConfirmed(const QString& action, const QString& reader, const QVariantMap& params);

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void retranslateUi();
  void showDetails();
  void selectFirstToken();
  void confirm(const QString& action, const QString& question);
  void confirmManagement(const QString& action);

  TokenListModel* m_model;
  bool m_available;
  QTableView* m_table = nullptr;
  QTextBrowser* m_details = nullptr;
  QPushButton* m_changePin = nullptr;
  QPushButton* m_unblock = nullptr;
  QPushButton* m_init = nullptr;
  QPushButton* m_keygen = nullptr;
  QPushButton* m_csr = nullptr;
  QPushButton* m_import = nullptr;
  QPushButton* m_selfTest = nullptr;
  QLabel* m_notice = nullptr;
};

}  // namespace kyso::ui

// TokensTab: the live token list (TokenListModel), the selected token's details and PIN state,
// and the token actions. Each action asks for a confirmation that names the token before it runs
// on the device worker. Without the token layer in this build the tab says so.
#pragma once

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

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void retranslateUi();
  void showDetails();
  void confirm(const QString& action, const QString& question);

  TokenListModel* m_model;
  bool m_available;
  QTableView* m_table = nullptr;
  QTextBrowser* m_details = nullptr;
  QPushButton* m_changePin = nullptr;
  QPushButton* m_unblock = nullptr;
  QLabel* m_notice = nullptr;
};

}  // namespace kyso::ui

// TokenActionDialog: the confirmation of one Tokens-tab management action, naming the token, with
// the few choices the action needs: the new label (init, which also needs a tick that everything
// on the token is erased), the key type, ID and label (generate key), the key ID, subject and
// output file (certificate request), the certificate file (import). Self-test only confirms.
// Accepting gives params() for runTokenManagement (token_management.h).
#pragma once

#include <QDialog>
#include <QVariantMap>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace kyso::ui {

class TokenActionDialog : public QDialog {
  Q_OBJECT
 public:
  /// `action`: init | keygen | csr | import-cert | self-test; `tokenName` as the tab shows it.
  TokenActionDialog(const QString& action, const QString& tokenName, QWidget* parent = nullptr);
  QString action() const { return m_action; }
  QVariantMap params() const;
  /// True when OK may be pressed (every needed field is filled; init: the tick is set).
  bool complete() const;

 private:
  void update();
  QLineEdit* addLine(const QString& objectName, const QString& label, const QString& value = {});
  QString m_action;
  QLabel* m_question = nullptr;
  QComboBox* m_type = nullptr;
  QLineEdit* m_label = nullptr;
  QLineEdit* m_id = nullptr;
  QLineEdit* m_subject = nullptr;
  QLineEdit* m_file = nullptr;
  QCheckBox* m_understand = nullptr;
  QDialogButtonBox* m_buttons = nullptr;
  QFormLayout* m_form = nullptr;
};

}  // namespace kyso::ui

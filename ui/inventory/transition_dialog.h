// TransitionDialog: asks for a lifecycle change of a token or certificate. It offers only the
// changes the register's rules allow from the current state (inventory::rules), and for the one
// chosen it shows what that change needs: the request document's number and date, the person who
// receives the token, that the token was wiped, a note. Whether the change is recorded is still the
// register's decision (inventory::checkTransition), made when it is applied.
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace kyso::ui {

/// One change the rules allow from the current state.
struct TransitionChoice {
  QString code;    // the target state's code
  QString name;    // the target state's name for people
  unsigned needs;  // inventory::Evidence bits
};

class TransitionDialog : public QDialog {
  Q_OBJECT
 public:
  /// `what` names the record for people ("token 0123"), `currentName` its state; `people` are
  /// (id, name) of those who may receive a token.
  TransitionDialog(const QString& what, const QString& currentName,
                   const QList<TransitionChoice>& choices,
                   const QList<QPair<long long, QString>>& people, QWidget* parent = nullptr);
  /// The chosen state's code; empty when no change is allowed.
  QString targetState() const;
  QString docNumber() const;
  QString docDate() const;  // YYYY-MM-DD
  QString note() const;
  std::optional<long long> holderId() const;
  bool wiped() const;

 private:
  void showNeeds();

  QList<TransitionChoice> m_choices;
  QFormLayout* m_form = nullptr;
  QComboBox* m_state = nullptr;
  QLineEdit* m_doc = nullptr;
  QDateEdit* m_date = nullptr;
  QComboBox* m_holder = nullptr;
  QCheckBox* m_wiped = nullptr;
  QLineEdit* m_note = nullptr;
  QLabel* m_needs = nullptr;
  QDialogButtonBox* m_buttons = nullptr;
};

}  // namespace kyso::ui

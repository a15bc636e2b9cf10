// TransitionDialog: asks for a lifecycle change of a token or certificate: the new state (from the
// register's declared states), the request document's number and date, a note. Whether the change
// is allowed is the register's decision (inventory::checkTransition), made when it is applied.
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QStringList>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace kyso::ui {

class TransitionDialog : public QDialog {
  Q_OBJECT
 public:
  /// `what` names the record for people ("token 0123"); `states` are the states (code, name for
  /// people), of which all but `current` (a code) are offered by name.
  TransitionDialog(const QString& what, const QString& current,
                   const QList<QPair<QString, QString>>& states, QWidget* parent = nullptr);
  /// The chosen state's code.
  QString targetState() const;
  QString docNumber() const;
  QString docDate() const;  // YYYY-MM-DD
  QString note() const;

 private:
  QComboBox* m_state = nullptr;
  QLineEdit* m_doc = nullptr;
  QDateEdit* m_date = nullptr;
  QLineEdit* m_note = nullptr;
};

}  // namespace kyso::ui

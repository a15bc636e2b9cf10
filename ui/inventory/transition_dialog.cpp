#include "ui/inventory/transition_dialog.h"

#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace kyso::ui {

TransitionDialog::TransitionDialog(const QString& what, const QString& current,
                                   const QList<QPair<QString, QString>>& states, QWidget* parent)
    : QDialog(parent) {
  setObjectName(QStringLiteral("TransitionDialog"));
  setWindowTitle(tr("Change state"));
  auto* form = new QFormLayout(this);
  QString currentName = current;
  for (const auto& [code, name] : states)
    if (code == current) currentName = name;
  form->addRow(new QLabel(tr("%1, now “%2”").arg(what, currentName), this));
  m_state = new QComboBox(this);
  m_state->setObjectName(QStringLiteral("state"));
  for (const auto& [code, name] : states) {
    if (code != current) m_state->addItem(name, code);
  }
  m_doc = new QLineEdit(this);
  m_doc->setObjectName(QStringLiteral("docNumber"));
  m_doc->setPlaceholderText(tr("e.g. 286/SYT-VP"));
  m_date = new QDateEdit(QDate::currentDate(), this);
  m_date->setObjectName(QStringLiteral("docDate"));
  m_date->setCalendarPopup(true);
  m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
  m_note = new QLineEdit(this);
  form->addRow(tr("New state"), m_state);
  form->addRow(tr("Request document number"), m_doc);
  form->addRow(tr("Request document date"), m_date);
  form->addRow(tr("Note"), m_note);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString TransitionDialog::targetState() const {
  return m_state->currentData().toString();
}
QString TransitionDialog::docNumber() const {
  return m_doc->text().trimmed();
}
QString TransitionDialog::docDate() const {
  return m_date->date().toString(QStringLiteral("yyyy-MM-dd"));
}
QString TransitionDialog::note() const {
  return m_note->text().trimmed();
}

}  // namespace kyso::ui

#include "ui/inventory/transition_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "src/inventory/lifecycle.h"

namespace kyso::ui {

TransitionDialog::TransitionDialog(const QString& what, const QString& currentName,
                                   const QList<TransitionChoice>& choices,
                                   const QList<QPair<long long, QString>>& people, QWidget* parent)
    : QDialog(parent), m_choices(choices) {
  setObjectName(QStringLiteral("TransitionDialog"));
  setWindowTitle(tr("Change state"));
  m_form = new QFormLayout(this);
  m_form->addRow(new QLabel(tr("%1, now “%2”").arg(what, currentName), this));
  m_state = new QComboBox(this);
  m_state->setObjectName(QStringLiteral("state"));
  for (const TransitionChoice& c : m_choices) m_state->addItem(c.name, c.code);
  m_doc = new QLineEdit(this);
  m_doc->setObjectName(QStringLiteral("docNumber"));
  m_doc->setPlaceholderText(tr("e.g. 286/SYT-VP"));
  m_date = new QDateEdit(QDate::currentDate(), this);
  m_date->setObjectName(QStringLiteral("docDate"));
  m_date->setCalendarPopup(true);
  m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
  m_holder = new QComboBox(this);
  m_holder->setObjectName(QStringLiteral("holder"));
  m_holder->addItem(tr("(choose the person)"), QVariant());
  for (const auto& [id, name] : people) m_holder->addItem(name, QVariant::fromValue(id));
  m_wiped = new QCheckBox(tr("The token has been wiped"), this);
  m_wiped->setObjectName(QStringLiteral("wiped"));
  m_note = new QLineEdit(this);
  m_note->setObjectName(QStringLiteral("note"));
  m_needs = new QLabel(this);
  m_needs->setObjectName(QStringLiteral("needs"));
  m_needs->setWordWrap(true);
  m_form->addRow(tr("New state"), m_state);
  m_form->addRow(m_needs);
  m_form->addRow(tr("Request document number"), m_doc);
  m_form->addRow(tr("Request document date"), m_date);
  m_form->addRow(tr("Receiving person"), m_holder);
  m_form->addRow(QString(), m_wiped);
  m_form->addRow(tr("Note"), m_note);
  m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  m_form->addRow(m_buttons);
  connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_state, &QComboBox::currentIndexChanged, this, &TransitionDialog::showNeeds);
  showNeeds();
}

// Shows the fields the chosen change needs, and says what they are.
void TransitionDialog::showNeeds() {
  const int i = m_state->currentIndex();
  m_buttons->button(QDialogButtonBox::Ok)->setEnabled(i >= 0);
  if (i < 0) {
    m_needs->setText(tr("No change of state is allowed from here."));
    for (QWidget* w : {static_cast<QWidget*>(m_doc), static_cast<QWidget*>(m_date),
                       static_cast<QWidget*>(m_holder), static_cast<QWidget*>(m_wiped)})
      m_form->setRowVisible(w, false);
    return;
  }
  const unsigned needs = m_choices[i].needs;
  const bool document = needs & (inventory::kDocument | inventory::kDocOrProof);
  m_form->setRowVisible(m_doc, document);
  m_form->setRowVisible(m_date, document);
  m_form->setRowVisible(m_holder, needs & inventory::kHolder);
  m_form->setRowVisible(m_wiped, needs & inventory::kWiped);
  QStringList what;
  if (needs & inventory::kDocument) what << tr("the request document's number and date");
  if (needs & inventory::kDocOrProof)
    what << tr("the request document's number and date, or a revocation confirmed online");
  if (needs & inventory::kHolder) what << tr("the person who receives the token");
  if (needs & inventory::kWiped) what << tr("that the token has been wiped");
  if (needs & inventory::kNote) what << tr("a note on what happened");
  m_needs->setText(what.isEmpty()
                       ? tr("This change needs nothing more.")
                       : tr("This change needs: %1.").arg(what.join(QStringLiteral("; "))));
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
std::optional<long long> TransitionDialog::holderId() const {
  const QVariant v = m_holder->currentData();
  if (!v.isValid()) return std::nullopt;
  return v.toLongLong();
}
bool TransitionDialog::wiped() const {
  return m_wiped->isChecked();
}

}  // namespace kyso::ui

#include "ui/inventory/person_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "ui/common/choose_file.h"

namespace kyso::ui {

PersonDialog::PersonDialog(const inventory::Person& person,
                           const QList<QPair<long long, QString>>& units, QWidget* parent)
    : QDialog(parent), m_person(person) {
  setWindowTitle(person.id == 0 ? tr("Add a person") : tr("Edit a person"));
  auto* form = new QFormLayout(this);
  m_name = new QLineEdit(QString::fromStdString(person.fullName), this);
  m_name->setObjectName(QStringLiteral("personName"));
  m_name->setPlaceholderText(tr("full name with diacritics, e.g. Nguyễn Văn A"));
  m_position = new QLineEdit(QString::fromStdString(person.position), this);
  m_position->setObjectName(QStringLiteral("personPosition"));
  m_unit = new QComboBox(this);
  m_unit->setObjectName(QStringLiteral("personUnit"));
  for (const auto& [id, name] : units) m_unit->addItem(name, id);
  if (int i = m_unit->findData(person.unitId); i >= 0) m_unit->setCurrentIndex(i);
  m_email = new QLineEdit(QString::fromStdString(person.email), this);
  m_phone = new QLineEdit(QString::fromStdString(person.phone), this);
  m_left = new QCheckBox(tr("Has left the unit on"), this);
  m_left->setObjectName(QStringLiteral("personLeft"));
  m_leftOn = new QDateEdit(this);
  m_leftOn->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
  m_leftOn->setCalendarPopup(true);
  const QDate left = QDate::fromString(QString::fromStdString(person.leftOn), Qt::ISODate);
  m_left->setChecked(left.isValid());
  m_leftOn->setDate(left.isValid() ? left : QDate::currentDate());
  m_leftOn->setEnabled(left.isValid());
  auto* leftRow = new QHBoxLayout;
  leftRow->addWidget(m_left);
  leftRow->addWidget(m_leftOn, 1);
  m_image = new QLabel(this);
  m_image->setWordWrap(true);
  auto* choose = new QPushButton(tr("Choose…"), this);
  auto* imageRow = new QHBoxLayout;
  imageRow->addWidget(m_image, 1);
  imageRow->addWidget(choose);
  form->addRow(tr("Full name"), m_name);
  form->addRow(tr("Position"), m_position);
  form->addRow(tr("Unit"), m_unit);
  form->addRow(tr("Email"), m_email);
  form->addRow(tr("Phone"), m_phone);
  form->addRow(QString(), leftRow);
  form->addRow(tr("Handwriting"), imageRow);
  m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  form->addRow(m_buttons);
  connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_name, &QLineEdit::textChanged, this, &PersonDialog::updateOk);
  connect(m_left, &QCheckBox::toggled, m_leftOn, &QWidget::setEnabled);
  connect(choose, &QPushButton::clicked, this, [this] {
    chooseFile(this, tr("Choose the handwriting image"), tr("Images (*.png *.jpg *.jpeg)"),
               [this](const QString& f) { setHandwritingFile(f); });
  });
  setHandwritingFile(QString());
  updateOk();
}

void PersonDialog::setHandwritingFile(const QString& file) {
  m_imageFile = file;
  m_image->setText(!file.isEmpty()           ? QFileInfo(file).fileName()
                   : m_person.hasHandwriting ? tr("kept in the register")
                                             : tr("none"));
}

void PersonDialog::updateOk() {
  m_buttons->button(QDialogButtonBox::Ok)
      ->setEnabled(!m_name->text().trimmed().isEmpty() && m_unit->count() > 0);
}

inventory::Person PersonDialog::person() const {
  inventory::Person p = m_person;
  p.fullName = m_name->text().trimmed().toStdString();
  p.position = m_position->text().trimmed().toStdString();
  p.unitId = m_unit->currentData().toLongLong();
  p.email = m_email->text().trimmed().toStdString();
  p.phone = m_phone->text().trimmed().toStdString();
  p.leftOn = m_left->isChecked() ? m_leftOn->date().toString(Qt::ISODate).toStdString() : "";
  return p;
}

}  // namespace kyso::ui

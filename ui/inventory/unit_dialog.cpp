#include "ui/inventory/unit_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "ui/common/choose_file.h"

namespace kyso::ui {

UnitDialog::UnitDialog(const inventory::Unit& unit, const QList<QPair<long long, QString>>& units,
                       const QList<QPair<long long, QString>>& people, QWidget* parent)
    : QDialog(parent), m_unit(unit) {
  setWindowTitle(unit.id == 0 ? tr("Add a unit") : tr("Edit a unit"));
  auto* form = new QFormLayout(this);
  m_name = new QLineEdit(QString::fromStdString(unit.name), this);
  m_name->setObjectName(QStringLiteral("unitName"));
  m_name->setPlaceholderText(tr("e.g. Trung tâm Y tế huyện Phú Vang"));
  m_kind = new QComboBox(this);
  m_kind->setObjectName(QStringLiteral("unitKind"));
  // The register's kinds (model.h Unit::kind) in words.
  m_kind->addItem(tr("Unit"), QStringLiteral("unit"));
  m_kind->addItem(tr("Department (phòng chức năng)"), QStringLiteral("department"));
  m_kind->addItem(tr("Office (văn phòng)"), QStringLiteral("office"));
  m_kind->addItem(tr("Attached unit (đơn vị trực thuộc)"), QStringLiteral("attached"));
  m_kind->addItem(tr("District health centre (TTYT huyện)"), QStringLiteral("district"));
  if (int i = m_kind->findData(QString::fromStdString(unit.kind)); i >= 0)
    m_kind->setCurrentIndex(i);
  m_parent = new QComboBox(this);
  m_parent->setObjectName(QStringLiteral("unitParent"));
  m_parent->addItem(tr("(none)"), QVariant());
  for (const auto& [id, name] : units)
    if (id != unit.id) m_parent->addItem(name, id);
  if (unit.parentId)
    if (int i = m_parent->findData(*unit.parentId); i >= 0) m_parent->setCurrentIndex(i);
  m_focal = new QComboBox(this);
  m_focal->setObjectName(QStringLiteral("unitFocal"));
  m_focal->addItem(tr("(not named)"), QVariant());
  for (const auto& [id, name] : people) m_focal->addItem(name, id);
  if (unit.focalPersonId)
    if (int i = m_focal->findData(*unit.focalPersonId); i >= 0) m_focal->setCurrentIndex(i);
  m_focal->setEnabled(unit.id != 0);  // a new unit has no people yet
  m_image = new QLabel(this);
  auto* choose = new QPushButton(tr("Choose…"), this);
  auto* imageRow = new QHBoxLayout;
  imageRow->addWidget(m_image, 1);
  imageRow->addWidget(choose);
  form->addRow(tr("Name"), m_name);
  form->addRow(tr("Kind"), m_kind);
  form->addRow(tr("Unit above"), m_parent);
  form->addRow(tr("Focal person for cyber security"), m_focal);
  form->addRow(tr("Seal"), imageRow);
  m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  form->addRow(m_buttons);
  connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto updateOk = [this] {
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_name->text().trimmed().isEmpty());
  };
  connect(m_name, &QLineEdit::textChanged, this, updateOk);
  connect(choose, &QPushButton::clicked, this, [this] {
    chooseFile(this, tr("Choose the unit's seal"), tr("Images (*.png *.jpg *.jpeg)"),
               [this](const QString& f) { setSealFile(f); });
  });
  setSealFile(QString());
  updateOk();
}

void UnitDialog::setSealFile(const QString& file) {
  m_imageFile = file;
  m_image->setText(!file.isEmpty()  ? QFileInfo(file).fileName()
                   : m_unit.hasSeal ? tr("kept in the register")
                                    : tr("none"));
}

inventory::Unit UnitDialog::unit() const {
  inventory::Unit u = m_unit;
  u.name = m_name->text().trimmed().toStdString();
  u.kind = m_kind->currentData().toString().toStdString();
  const QVariant parent = m_parent->currentData();
  u.parentId = parent.isValid() ? std::optional<long long>(parent.toLongLong()) : std::nullopt;
  const QVariant focal = m_focal->currentData();
  u.focalPersonId = focal.isValid() ? std::optional<long long>(focal.toLongLong()) : std::nullopt;
  return u;
}

}  // namespace kyso::ui

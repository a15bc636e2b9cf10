// UnitDialog: adds or edits a unit in the register (the Inventory tab's Units page): its name, its
// kind, the unit above it, its focal person for cyber security (one of its people) and its seal
// image (PNG or JPEG) for the "issued" signature. The register checks and records the change.
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

#include "src/inventory/model.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace kyso::ui {

class UnitDialog : public QDialog {
  Q_OBJECT
 public:
  /// `unit`: the one to edit (id 0: a new one); `units`: (id, name) for the unit above;
  /// `people`: (id, name) of the unit's people, for the focal person.
  UnitDialog(const inventory::Unit& unit, const QList<QPair<long long, QString>>& units,
             const QList<QPair<long long, QString>>& people, QWidget* parent = nullptr);
  inventory::Unit unit() const;
  /// The seal image chosen; empty: unchanged.
  QString sealFile() const { return m_imageFile; }
  QLineEdit* nameEdit() const { return m_name; }
  void setSealFile(const QString& file);

 private:
  inventory::Unit m_unit;
  QLineEdit* m_name = nullptr;
  QComboBox* m_kind = nullptr;
  QComboBox* m_parent = nullptr;
  QComboBox* m_focal = nullptr;
  QLabel* m_image = nullptr;
  QString m_imageFile;
  QDialogButtonBox* m_buttons = nullptr;
};

}  // namespace kyso::ui

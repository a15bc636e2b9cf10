// PersonDialog: adds or edits a person in the register (the Inventory tab's People page): full
// name with diacritics, position, unit, contacts, the day they left, and their handwriting image
// (PNG or JPEG) for the "approved" signature. The register checks and records the change.
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

#include "src/inventory/model.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace kyso::ui {

class PersonDialog : public QDialog {
  Q_OBJECT
 public:
  /// `person`: the one to edit (id 0: a new one); `units`: (id, name) to choose from.
  PersonDialog(const inventory::Person& person, const QList<QPair<long long, QString>>& units,
               QWidget* parent = nullptr);
  /// The person as filled in (the id and version of the one edited).
  inventory::Person person() const;
  /// The handwriting image chosen; empty: unchanged.
  QString handwritingFile() const { return m_imageFile; }
  /// For tests: the name field.
  QLineEdit* nameEdit() const { return m_name; }
  void setHandwritingFile(const QString& file);

 private:
  void updateOk();
  inventory::Person m_person;
  QLineEdit* m_name = nullptr;
  QLineEdit* m_position = nullptr;
  QComboBox* m_unit = nullptr;
  QLineEdit* m_email = nullptr;
  QLineEdit* m_phone = nullptr;
  QCheckBox* m_left = nullptr;
  QDateEdit* m_leftOn = nullptr;
  QLabel* m_image = nullptr;
  QString m_imageFile;
  QDialogButtonBox* m_buttons = nullptr;
};

}  // namespace kyso::ui

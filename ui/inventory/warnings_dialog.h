// The inventory's warnings as a list a person works through (the Inventory tab's "Warnings…"
// button): what is wrong, with what, and what to do, the most urgent first (a lost token whose
// certificate is not revoked, in red). The words come from src/inventory/warning_text.h, in the
// app's language.
#pragma once

#include <QDialog>
#include <vector>

#include "src/inventory/model.h"

class QTableWidget;

namespace kyso::ui {

class WarningsDialog : public QDialog {
  Q_OBJECT
 public:
  WarningsDialog(const std::vector<inventory::Warning>& warnings, QWidget* parent = nullptr);
  QTableWidget* table() const { return m_table; }

 private:
  QTableWidget* m_table = nullptr;
};

}  // namespace kyso::ui

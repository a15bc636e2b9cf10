// InventoryTab: tokens, certificates, people and units from the register (kyso_inventory), with
// search, filters, the expiring-soon view, history and transitions. Without the inventory library
// in this build the tab says so.
#pragma once

#include <QWidget>

namespace kyso::ui {

class InventoryTab : public QWidget {
  Q_OBJECT
 public:
  explicit InventoryTab(QWidget* parent = nullptr);
};

}  // namespace kyso::ui

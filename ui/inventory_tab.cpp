#include "ui/inventory_tab.h"

#include <QVBoxLayout>

#include "ui/unavailable_notice.h"

namespace kyso::ui {

InventoryTab::InventoryTab(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("InventoryTab"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(new UnavailableNotice(
      [] {
        return tr("The inventory is not available in this build: the register (kyso_inventory) "
                  "was not built.");
      },
      this));
  layout->addStretch();
}

}  // namespace kyso::ui

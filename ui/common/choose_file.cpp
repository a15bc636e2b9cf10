#include "ui/common/choose_file.h"

#include <QFileDialog>

namespace kyso::ui {

void chooseFile(QWidget* parent, const QString& title, const QString& filter,
                std::function<void(const QString&)> done) {
  auto* d = new QFileDialog(parent, title, QString(), filter);
  d->setAttribute(Qt::WA_DeleteOnClose);
  d->setFileMode(QFileDialog::ExistingFile);
  QObject::connect(d, &QFileDialog::fileSelected, parent, std::move(done));
  d->open();
}

}  // namespace kyso::ui

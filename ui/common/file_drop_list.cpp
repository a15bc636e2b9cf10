#include "ui/common/file_drop_list.h"

#include <QDirIterator>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QMimeData>

namespace kyso::ui {

QStringList expandPaths(const QStringList& paths, const QStringList& suffixes) {
  QStringList out;
  auto wanted = [&](const QFileInfo& fi) {
    return suffixes.isEmpty() || suffixes.contains(fi.suffix().toLower());
  };
  for (const QString& p : paths) {
    const QFileInfo fi(p);
    if (fi.isDir()) {
      QDirIterator it(p, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
      QStringList inDir;
      while (it.hasNext()) {
        const QString f = it.next();
        if (wanted(QFileInfo(f))) inDir << f;
      }
      inDir.sort();
      out << inDir;
    } else if (fi.isFile() && wanted(fi)) {
      out << fi.absoluteFilePath();
    }
  }
  return out;
}

FileDropList::FileDropList(QStringList suffixes, QWidget* parent)
    : QListWidget(parent), m_suffixes(std::move(suffixes)) {
  setAcceptDrops(true);
  setDragDropMode(QAbstractItemView::DropOnly);
  setSelectionMode(QAbstractItemView::ExtendedSelection);
}

void FileDropList::addPaths(const QStringList& paths) {
  const QStringList have = files();
  QStringList added;
  for (const QString& f : expandPaths(paths, m_suffixes)) {
    if (have.contains(f) || added.contains(f)) continue;
    auto* item = new QListWidgetItem(QFileInfo(f).fileName(), this);
    item->setData(Qt::UserRole, f);
    item->setToolTip(f);
    added << f;
  }
  if (!added.isEmpty()) emit filesAdded(added);
}

QStringList FileDropList::files() const {
  QStringList out;
  for (int i = 0; i < count(); ++i) out << item(i)->data(Qt::UserRole).toString();
  return out;
}

void FileDropList::dragEnterEvent(QDragEnterEvent* e) {
  if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void FileDropList::dragMoveEvent(QDragMoveEvent* e) {
  if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void FileDropList::dropEvent(QDropEvent* e) {
  QStringList paths;
  for (const QUrl& u : e->mimeData()->urls()) {
    if (u.isLocalFile()) paths << u.toLocalFile();
  }
  addPaths(paths);
  e->acceptProposedAction();
}

}  // namespace kyso::ui

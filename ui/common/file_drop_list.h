// FileDropList: a list that accepts files and folders dropped from the file manager (folders are
// expanded to the files inside them matching `suffixes`, recursively). No I/O beyond listing.
#pragma once

#include <QListWidget>
#include <QStringList>

namespace kyso::ui {

class FileDropList : public QListWidget {
  Q_OBJECT
 public:
  /// `suffixes` like {"pdf"}; empty accepts every file.
  explicit FileDropList(QStringList suffixes, QWidget* parent = nullptr);
  /// Adds files (and the matching files inside folders), skipping ones already listed.
  void addPaths(const QStringList& paths);
  QStringList files() const;

 signals:
  void filesAdded(const QStringList& files);

 protected:
  void dragEnterEvent(QDragEnterEvent* e) override;
  void dragMoveEvent(QDragMoveEvent* e) override;
  void dropEvent(QDropEvent* e) override;

 private:
  QStringList m_suffixes;
};

/// The files under `paths` (files as given, folders walked recursively), keeping `suffixes`.
QStringList expandPaths(const QStringList& paths, const QStringList& suffixes);

}  // namespace kyso::ui

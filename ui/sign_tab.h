// SignTab: files to sign (dropped or opened), the certificate, the kind (approved, issued, copy,
// appendix, incoming, invisible) and the PAdES level, a page preview with the signature's
// rectangle (drag to move, handle to resize), and the batch list with per-file progress. The
// signing itself belongs to kyso_pdf and the token layer; without them the tab previews and
// places but says that signing is not available in this build.
#pragma once

#include <QWidget>
#include <memory>
#include <vector>

#include "ui/placement.h"

class QComboBox;
class QLabel;
class QPdfDocument;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace kyso::ui {

class FileDropList;
class PagePreview;

class SignTab : public QWidget {
  Q_OBJECT
 public:
  explicit SignTab(QWidget* parent = nullptr);
  ~SignTab() override;
  /// Adds files as if dropped (for "Open…", the command line and screenshots).
  void addFiles(const QStringList& paths);
  PagePreview* preview() const { return m_preview; }

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void retranslateUi();
  void showFile(const QString& path);
  void showPageIndex(int page);
  void chooseFiles();

  FileDropList* m_files = nullptr;
  QPushButton* m_open = nullptr;
  QPushButton* m_remove = nullptr;
  QLabel* m_certLabel = nullptr;
  QComboBox* m_cert = nullptr;
  QLabel* m_kindLabel = nullptr;
  QComboBox* m_kind = nullptr;
  QLabel* m_levelLabel = nullptr;
  QComboBox* m_level = nullptr;
  QLabel* m_pageLabel = nullptr;
  QSpinBox* m_pageSpin = nullptr;
  QLabel* m_fileError = nullptr;
  QLabel* m_placementText = nullptr;
  PagePreview* m_preview = nullptr;
  QTableWidget* m_batch = nullptr;
  QPushButton* m_sign = nullptr;
  QPushButton* m_cancel = nullptr;
  QPushButton* m_openResult = nullptr;
  QPushButton* m_showInFolder = nullptr;
  QLabel* m_signNotice = nullptr;
  std::unique_ptr<QPdfDocument> m_doc;
  std::vector<PageGeometry> m_pages;
};

}  // namespace kyso::ui

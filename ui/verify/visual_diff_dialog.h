// VisualDiffDialog: what the visual guard found, shown to people. For each difference of a file's
// report (src/pdfverify/visual_guard.h) it renders the page as signed and as it is now, side by
// side, and marks the region that differs in red on both. Rendering runs through the pdfverify
// layer (renderSideBySide); this file only draws.
#pragma once

#include <QDialog>
#include <vector>

#include "ui/verify/verify_service.h"

class QComboBox;
class QLabel;

namespace kyso::ui {

class VisualDiffDialog : public QDialog {
  Q_OBJECT
 public:
  /// True when `report` holds at least one visual difference to show.
  static bool hasDifferences(const pdfverify::FileReport& report);
  VisualDiffDialog(FileReportPtr report, QWidget* parent = nullptr);

 private:
  struct Item {
    int signature = 0;  // index into report->signatures
    int difference = 0;
  };
  void showItem(int i);
  FileReportPtr m_report;
  std::vector<Item> m_items;
  QComboBox* m_choice = nullptr;
  QLabel* m_signed = nullptr;
  QLabel* m_now = nullptr;
  QLabel* m_error = nullptr;
};

}  // namespace kyso::ui

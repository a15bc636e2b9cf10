// The signing service's audit log in the app (issue 19: "readable from the Inventory tab"): every
// request a web document system made, newest first: when, the site, the call, the document and
// its SHA-256 (or the digest), and what became of it. Read-only; lines that cannot be read are
// counted and said.
#pragma once

#include <QDialog>
#include <filesystem>

class QLabel;
class QTableWidget;

namespace kyso::ui {

class ServiceLogDialog : public QDialog {
  Q_OBJECT
 public:
  /// Reads `log` (service_dir/audit.jsonl) now.
  explicit ServiceLogDialog(const std::filesystem::path& log, QWidget* parent = nullptr);
  QTableWidget* table() const { return m_table; }

 private:
  QTableWidget* m_table = nullptr;
  QLabel* m_note = nullptr;
};

}  // namespace kyso::ui

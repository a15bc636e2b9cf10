#include "ui/verify/verify_model.h"

#include <QColor>
#include <QFileInfo>

#include "src/pdfverify/report.h"
#include "ui/common/ui_text.h"

namespace kyso::ui {

QStringList VerifyModel::addFiles(const QStringList& files) {
  QStringList added;
  for (const QString& f : files) {
    bool have = false;
    for (const Row& r : m_rows) have = have || r.path == f;
    if (have || added.contains(f)) continue;
    added << f;
  }
  if (added.isEmpty()) return added;
  beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
  for (const QString& f : added) m_rows.push_back({f, nullptr});
  endInsertRows();
  return added;
}

void VerifyModel::setReport(const QString& file, FileReportPtr report) {
  for (size_t i = 0; i < m_rows.size(); ++i) {
    if (m_rows[i].path != file) continue;
    m_rows[i].report = std::move(report);
    emit dataChanged(index(int(i), 0), index(int(i), ColumnCount_ - 1));
    return;
  }
}

void VerifyModel::clear() {
  beginResetModel();
  m_rows.clear();
  endResetModel();
}

int VerifyModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(m_rows.size());
}

int VerifyModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount_;
}

VerifyModel::Verdict VerifyModel::verdict(int row) const {
  const FileReportPtr& r = m_rows.at(size_t(row)).report;
  if (!r) return Verdict::Pending;
  if (r->status == pdfverify::FileStatus::Error) return Verdict::Error;
  if (r->status == pdfverify::FileStatus::Unsigned) return Verdict::Unsigned;
  switch (r->indication) {
    case pdfverify::Indication::TotalPassed:
      return Verdict::Valid;
    case pdfverify::Indication::TotalFailed:
      return Verdict::Invalid;
    case pdfverify::Indication::Indeterminate:
      break;
  }
  return Verdict::Indeterminate;
}

QString VerifyModel::verdictText(Verdict v) {
  switch (v) {
    case Verdict::Pending:
      return tr("Checking…");
    case Verdict::Valid:
      return tr("Valid");
    case Verdict::Invalid:
      return tr("NOT valid");
    case Verdict::Indeterminate:
      return tr("Cannot be confirmed");
    case Verdict::Unsigned:
      return tr("Not signed");
    case Verdict::Error:
      return tr("Cannot be read");
  }
  return {};
}

QColor VerifyModel::verdictColor(Verdict v) {
  switch (v) {
    case Verdict::Valid:
      return QColor(0xd7, 0xf5, 0xdd);
    case Verdict::Invalid:
      return QColor(0xfb, 0xd5, 0xd5);
    case Verdict::Indeterminate:
      return QColor(0xff, 0xec, 0xc2);
    case Verdict::Error:
      return QColor(0xf0, 0xd0, 0xe0);
    case Verdict::Unsigned:
    case Verdict::Pending:
      break;
  }
  return QColor(0xee, 0xee, 0xee);
}

QString VerifyModel::reason(const pdfverify::FileReport& r) {
  if (r.status == pdfverify::FileStatus::Error) {
    return r.error ? errorText(*r.error) : tr("The file could not be read as a PDF.");
  }
  if (r.status == pdfverify::FileStatus::Unsigned || r.signatures.empty())
    return tr("The document has no signature.");
  // The worst signature decides the file's verdict; its line says why.
  const pdfverify::SignatureReport* worst = &r.signatures.front();
  for (const auto& s : r.signatures) {
    if (pdfverify::worse(s.indication, worst->indication) == s.indication &&
        s.indication != worst->indication)
      worst = &s;
  }
  QString line = QString::fromStdString(pdfverify::verdictLine(*worst, uiLang()));
  if (r.signatures.size() > 1)
    line = tr("%n signatures. ", nullptr, int(r.signatures.size())) + line;
  return line;
}

QVariant VerifyModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || size_t(index.row()) >= m_rows.size()) return {};
  const Row& row = m_rows[size_t(index.row())];
  const Verdict v = verdict(index.row());
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case FileColumn:
        return QFileInfo(row.path).fileName();
      case VerdictColumn:
        return verdictText(v);
      case ReasonColumn:
        return row.report ? reason(*row.report) : QString();
      default:
        return {};
    }
  }
  if (role == Qt::ToolTipRole && index.column() == FileColumn) return row.path;
  if (role == Qt::BackgroundRole && index.column() == VerdictColumn) return verdictColor(v);
  return {};
}

QVariant VerifyModel::headerData(int section, Qt::Orientation o, int role) const {
  if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case FileColumn:
      return tr("File");
    case VerdictColumn:
      return tr("Verdict");
    case ReasonColumn:
      return tr("Why");
    default:
      return {};
  }
}

std::vector<pdfverify::FileReport> VerifyModel::doneReports() const {
  std::vector<pdfverify::FileReport> out;
  for (const Row& r : m_rows) {
    if (r.report) out.push_back(*r.report);
  }
  return out;
}

}  // namespace kyso::ui

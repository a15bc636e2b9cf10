// VerifyModel: one row per file for the Verify tab: the file, a coloured verdict and the one-line
// reason. The verdict and the reason come from the verifier's FileReport (the reason is the
// library's verdict line for the worst signature); the model only chooses words and colours.
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

#include "ui/verify/verify_service.h"

namespace kyso::ui {

class VerifyModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { FileColumn, VerdictColumn, ReasonColumn, ColumnCount_ };
  /// What a row says, in the order of severity shown to people.
  enum class Verdict { Pending, Valid, Invalid, Indeterminate, Unsigned, Error };

  using QAbstractTableModel::QAbstractTableModel;
  /// Adds pending rows for files not listed yet; returns the ones added.
  QStringList addFiles(const QStringList& files);
  /// Stores the report for its file (matched by path).
  void setReport(const QString& file, FileReportPtr report);
  void clear();

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation o, int role) const override;

  Verdict verdict(int row) const;
  FileReportPtr report(int row) const { return m_rows.at(size_t(row)).report; }
  QString path(int row) const { return m_rows.at(size_t(row)).path; }
  /// The reports that are done, in row order (for "save report").
  std::vector<pdfverify::FileReport> doneReports() const;
  static QString verdictText(Verdict v);
  static QColor verdictColor(Verdict v);
  /// The one-line reason for people.
  static QString reason(const pdfverify::FileReport& r);

 private:
  struct Row {
    QString path;
    FileReportPtr report;
  };
  std::vector<Row> m_rows;
};

}  // namespace kyso::ui

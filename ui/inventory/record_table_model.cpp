#include "ui/inventory/record_table_model.h"

#include <QColor>

namespace kyso::ui {

void RecordTableModel::setHeaders(const QStringList& headers) {
  beginResetModel();
  m_headers = headers;
  endResetModel();
}

void RecordTableModel::setRows(std::vector<Row> rows) {
  beginResetModel();
  m_rows = std::move(rows);
  endResetModel();
}

int RecordTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(m_headers.size());
}

QColor RecordTableModel::stateColor(const QString& s) {
  for (const char* red : {"lost", "revoked", "locked", "destroyed", "damaged", "expired"})
    if (s.contains(QLatin1String(red))) return QColor(0xfb, 0xd5, 0xd5);
  for (const char* amber : {"requested", "suspended", "expiring", "pin"})
    if (s.contains(QLatin1String(amber))) return QColor(0xff, 0xec, 0xc2);
  for (const char* green : {"active", "valid", "issued"})
    if (s.contains(QLatin1String(green))) return QColor(0xd7, 0xf5, 0xdd);
  return QColor(0xee, 0xee, 0xee);
}

QVariant RecordTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || size_t(index.row()) >= m_rows.size()) return {};
  const Row& r = m_rows[size_t(index.row())];
  if (role == KeyRole) return r.key;
  if (index.column() >= r.cells.size()) return {};
  const bool stateCell = index.column() == m_stateColumn;
  if (role == StateCodeRole) return stateCell ? r.cells[index.column()] : QVariant();
  if ((role == Qt::DisplayRole || role == Qt::ToolTipRole) && stateCell && m_label)
    return m_label(r.cells[index.column()]);
  if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return r.cells[index.column()];
  if (role == Qt::BackgroundRole && index.column() == m_stateColumn)
    return stateColor(r.cells[index.column()]);
  return {};
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation o, int role) const {
  if (o != Qt::Horizontal || role != Qt::DisplayRole || section >= m_headers.size()) return {};
  return m_headers[section];
}

}  // namespace kyso::ui

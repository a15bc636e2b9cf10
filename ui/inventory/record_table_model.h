// RecordTableModel: a read-only table of display strings with a key per row (token serial,
// certificate SHA-256, id) and an optional state column drawn as a coloured badge. The Inventory
// tab fills it from the register's records; sorting and searching go through a
// QSortFilterProxyModel. Presentation only.
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <functional>
#include <vector>

namespace kyso::ui {

class RecordTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  struct Row {
    QString key;
    QStringList cells;
  };
  enum Roles { KeyRole = Qt::UserRole + 1, StateCodeRole };

  /// `stateColumn` is the column holding a state name (badge colours), or -1.
  explicit RecordTableModel(int stateColumn = -1, QObject* parent = nullptr)
      : QAbstractTableModel(parent), m_stateColumn(stateColumn) {}
  void setHeaders(const QStringList& headers);
  /// How the state column shows a state code to people (its name in the UI's language); the
  /// cells keep the code, which StateCodeRole, the badge colour and the state filter use.
  void setStateLabels(std::function<QString(const QString&)> label) { m_label = std::move(label); }
  void setRows(std::vector<Row> rows);
  QString key(int row) const { return m_rows.at(size_t(row)).key; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation o, int role) const override;

  /// The badge colour of a lifecycle state name (red for lost/revoked/locked, amber for
  /// requested/suspended/expiring, green for active/valid/issued, grey otherwise).
  static QColor stateColor(const QString& state);

 private:
  int m_stateColumn;
  std::function<QString(const QString&)> m_label;
  QStringList m_headers;
  std::vector<Row> m_rows;
};

}  // namespace kyso::ui

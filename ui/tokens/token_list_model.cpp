#include "ui/tokens/token_list_model.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace kyso::ui {

TokenListModel::TokenListModel(QObject* parent) : QAbstractTableModel(parent) {
  qRegisterMetaType<kyso::ui::TokenSnapshot>();
}

void TokenListModel::setSource(TokenEventSource* source) {
  connect(source, &TokenEventSource::readerAdded, this, &TokenListModel::onReaderAdded);
  connect(source, &TokenEventSource::readerRemoved, this, &TokenListModel::onReaderRemoved);
  connect(source, &TokenEventSource::tokenChanged, this, &TokenListModel::onTokenChanged);
  connect(source, &TokenEventSource::tokenRemoved, this, &TokenListModel::onTokenRemoved);
  connect(source, &TokenEventSource::sourceFailed, this, [this](const QString& s) {
    m_failure = s;
    emit currentTokenChanged();
  });
  source->refresh();
}

int TokenListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TokenListModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount_;
}

int TokenListModel::rowOf(const QString& reader) const {
  for (int i = 0; i < m_rows.size(); ++i) {
    if (m_rows[i].reader == reader) return i;
  }
  return -1;
}

std::optional<TokenSnapshot> TokenListModel::currentToken() const {
  for (const auto& r : m_rows) {
    if (r.present) return r;
  }
  return std::nullopt;
}

QString TokenListModel::tokenName(const TokenSnapshot& s) {
  if (!s.present) return tr("(no token)");
  const QString label = s.label.isEmpty() ? tr("Unnamed token") : s.label;
  return s.serial.isEmpty() ? label : tr("%1 (serial %2)").arg(label, s.serial);
}

QString TokenListModel::pinText(const TokenSnapshot& s) {
  if (!s.present) return {};
  switch (s.pin) {
    case TokenSnapshot::Pin::Locked:
      return tr("Locked: request restoration");
    case TokenSnapshot::Pin::FinalTry:
      return tr("Final try: one wrong PIN locks it");
    case TokenSnapshot::Pin::MustChange:
      return tr("The PIN must be changed");
    case TokenSnapshot::Pin::CountLow:
      if (s.triesLeft) return tr("%n tries left", nullptr, *s.triesLeft);
      return tr("A wrong PIN was entered");
    case TokenSnapshot::Pin::Ok:
      if (s.triesLeft) return tr("%n tries left", nullptr, *s.triesLeft);
      return tr("OK");
    case TokenSnapshot::Pin::Unknown:
      break;
  }
  return tr("Unknown");
}

QVariant TokenListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= m_rows.size()) return {};
  const TokenSnapshot& s = m_rows[index.row()];
  if (role == SnapshotRole) return QVariant::fromValue(s);
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case Reader:
        return s.reader;
      case Token:
        return s.present ? tokenName(s) : tr("(empty reader)");
      case Serial:
        return s.serial;
      case PinState:
        return pinText(s);
      case Expiry:
        return s.firstCertExpiry.isValid()
                   ? QLocale().toString(s.firstCertExpiry.date(), QLocale::ShortFormat)
                   : QString();
      default:
        break;
    }
  }
  if (role == Qt::ForegroundRole && index.column() == PinState) {
    if (s.pin == TokenSnapshot::Pin::Locked || s.pin == TokenSnapshot::Pin::FinalTry)
      return QBrush(QColor(0xb0, 0x00, 0x20));
    if (s.pin == TokenSnapshot::Pin::CountLow) return QBrush(QColor(0xa0, 0x60, 0x00));
  }
  return {};
}

QVariant TokenListModel::headerData(int section, Qt::Orientation o, int role) const {
  if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Reader:
      return tr("Reader");
    case Token:
      return tr("Token");
    case Serial:
      return tr("Serial");
    case PinState:
      return tr("PIN");
    case Expiry:
      return tr("First expiry");
    default:
      return {};
  }
}

void TokenListModel::onReaderAdded(const QString& reader) {
  if (rowOf(reader) >= 0) return;
  const int row = static_cast<int>(m_rows.size());
  beginInsertRows({}, row, row);
  TokenSnapshot s;
  s.reader = reader;
  m_rows.append(s);
  endInsertRows();
}

void TokenListModel::onReaderRemoved(const QString& reader) {
  const int row = rowOf(reader);
  if (row < 0) return;
  const bool hadToken = m_rows[row].present;
  beginRemoveRows({}, row, row);
  m_rows.removeAt(row);
  endRemoveRows();
  if (hadToken) emit currentTokenChanged();
}

void TokenListModel::onTokenChanged(const TokenSnapshot& snapshot) {
  m_failure.clear();
  int row = rowOf(snapshot.reader);
  if (row < 0) {
    onReaderAdded(snapshot.reader);
    row = rowOf(snapshot.reader);
  }
  m_rows[row] = snapshot;
  m_rows[row].present = true;
  emit dataChanged(index(row, 0), index(row, ColumnCount_ - 1));
  emit currentTokenChanged();
}

void TokenListModel::onTokenRemoved(const QString& reader) {
  const int row = rowOf(reader);
  if (row < 0) return;
  TokenSnapshot empty;
  empty.reader = reader;
  m_rows[row] = empty;
  emit dataChanged(index(row, 0), index(row, ColumnCount_ - 1));
  emit currentTokenChanged();
}

}  // namespace kyso::ui

#include "ui/service/tray_text.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

namespace kyso::ui {

namespace {
QString tr(const char* s) {
  return QCoreApplication::translate("ServiceTray", s);
}
}  // namespace

QString serviceTrayText(const QString& status, const QList<TokenSnapshot>& tokens,
                        const std::optional<service::RequestEnded>& last) {
  QStringList lines{status};
  QStringList present;
  for (const TokenSnapshot& t : tokens)
    if (t.present) present << TokenListModel::tokenName(t);
  lines << (present.isEmpty() ? tr("No token is plugged in")
                              : tr("Token plugged in: %1").arg(present.join(QStringLiteral(", "))));
  if (last) {
    const QString when =
        QDateTime::fromSecsSinceEpoch(
            std::chrono::duration_cast<std::chrono::seconds>(last->at.time_since_epoch()).count())
            .toString(QStringLiteral("HH:mm"));
    const QString what =
        QString::fromUtf8(service::callName(last->call).data(),
                          static_cast<qsizetype>(service::callName(last->call).size()));
    const QString outcome = last->status == 0 ? tr("done")
                            : last->status == 3
                                ? tr("declined")
                                : tr("not done: %1").arg(QString::fromStdString(last->message));
    lines << tr("Last request: %1 from %2 at %3, %4")
                 .arg(what, QString::fromStdString(last->origin), when, outcome);
  } else {
    lines << tr("No request yet");
  }
  return lines.join(QLatin1Char('\n'));
}

}  // namespace kyso::ui

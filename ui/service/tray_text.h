// The signing service's tray words (issue 19: "running / token plugged / last request"): what a
// clerk reads when hovering the tray icon. Pure: the runner passes the service's state, the tokens
// plugged in now and the last request answered.
#pragma once

#include <QList>
#include <QString>
#include <optional>

#include "src/service/service_host.h"
#include "ui/tokens/token_list_model.h"

namespace kyso::ui {

/// "The signing service runs at https://127.0.0.1:8987\nToken: ePass2003 (0123) plugged in\nLast
/// request: SignApproved from https://vanban… at 09:14, done", translated.
QString serviceTrayText(const QString& status, const QList<TokenSnapshot>& tokens,
                        const std::optional<service::RequestEnded>& last);

}  // namespace kyso::ui

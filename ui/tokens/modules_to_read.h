// The PKCS#11 modules the app reads tokens from: the ones Settings names, else every module
// installed on this machine, the same list `kyso token list` searches (the known table and
// p11-kit's registered modules). Each file once, however many paths lead to it, so that a token
// is never listed twice.
#pragma once

#include <QStringList>

#include "ui/common/app_settings.h"

namespace kyso::ui {

QStringList modulesToRead(const AppSettings& settings);

}  // namespace kyso::ui

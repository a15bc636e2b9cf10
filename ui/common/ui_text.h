// Sentences for people from kyso Errors, in the language the UI shows now (the message table in
// core/messages.cpp is the only source of error sentences).
#pragma once

#include <QString>

#include "core/error.h"
#include "core/messages.h"

namespace kyso::ui {

/// The language for kyso::describe(): Vietnamese when the UI's current language is Vietnamese.
Lang uiLang();
/// describe(e, uiLang()) as a QString.
QString errorText(const Error& e);

}  // namespace kyso::ui

// Lets GoogleTest print QStrings readably in failure messages (found by argument-dependent lookup).
#pragma once

#include <QString>
#include <ostream>

inline void PrintTo(const QString& s, std::ostream* os) {
  *os << '"' << s.toStdString() << '"';
}

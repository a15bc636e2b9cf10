// chooseFile: asks for an existing file with a file dialog opened with open(), never exec() (no
// nested event loop), and calls `done` with the path the person chose.
#pragma once

#include <QString>
#include <QWidget>
#include <functional>

namespace kyso::ui {

void chooseFile(QWidget* parent, const QString& title, const QString& filter,
                std::function<void(const QString&)> done);

}  // namespace kyso::ui

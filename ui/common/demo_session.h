// kyso-gui --demo: the app on what `kyso demo` made (jobs::DemoFiles): its SoftHSM token, its
// test root trusted with its CRLs, its inventory and its images, and the letter it signed on the
// Verify tab. The demo's settings live in the demo folder's kyso-gui.ini, never in the person's own
// settings, so that the demo root (whose key lies in that folder) is trusted only in the demo.
#pragma once

#include <QString>
#include <optional>

namespace kyso::ui {

struct DemoSession {
  QString settingsFile;  // QSettings::IniFormat
  QString letter;        // the letter as printed for approval (for the Sign tab)
  QString signedLetter;  // approved and issued (for the Verify tab)
};

/// Opens the demo in `dir` (empty: the default, kyso's data folder's demo/): checks that
/// `kyso demo` made it, points this process's SoftHSM at the demo token (SOFTHSM2_CONF) and, the
/// first time, writes the demo's settings. nullopt, with a sentence for the person in `error`,
/// when the demo has not been run there.
std::optional<DemoSession> openDemo(const QString& dir, QString* error);

}  // namespace kyso::ui

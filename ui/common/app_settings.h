// AppSettings: what the user configures in the settings dialog, persisted with QSettings (the
// caller chooses the QSettings: the user's config in the app, a temporary file in tests). The
// machine's /etc/kyso/config.ini (core/settings_file.h), which the IT officer sets once for every
// user and the CLI reads too, gives the defaults; the person's own values override them, and a
// value equal to the machine's is not stored, so that a later change of the machine's reaches them.
#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>

#include "core/settings_file.h"

namespace kyso::ui {

struct AppSettings {
  QStringList pkcs11Modules;    // paths of PKCS#11 modules to load, in order
  QString tsaUrl;               // RFC 3161 time-stamping authority
  bool trustGovernment = true;  // anchors of the government specialised PKI (Ban Cơ yếu)
  bool trustPublic = true;      // the Vietnam National Root CA hierarchy
  QStringList extraAnchors;     // PEM files an administrator added
  QStringList crlFiles;         // CRL files kept on this computer, used before the network
  QString inventoryDatabase;    // SQLite file path or a PostgreSQL connection string
  QString language;             // "vi" or "en"; empty: from the system locale
  // The signing service (kyso-gui --service): the document systems served without a question,
  // and the images its visible signatures use (SignApproved: handwriting; SignIssued: the seal).
  QStringList serviceOrigins;  // https origins
  QString handwritingImage;    // PNG, may be empty (then the signer's name alone)
  QString sealImage;           // PNG, may be empty (SignIssued then says it is missing)

  /// What the machine's settings file says: [token] module (paths or known names), [sign] tsa,
  /// [verify] trust_group, trust and crl, [inventory] database, [service] allow, image and seal.
  static AppSettings machineDefaults(const SettingsFile& machine);
  static AppSettings load(QSettings& s, const AppSettings& defaults);
  static AppSettings load(QSettings& s);  // defaults: machineDefaults(machineSettings())
  void save(QSettings& s, const AppSettings& defaults) const;
  void save(QSettings& s) const;
  /// "vi" or "en": the configured language, else the system's (Vietnamese when it is "vi*").
  QString effectiveLanguage() const;
};

/// What the Sign tab's form remembers between runs (the signature's reason and location), kept
/// under its own QSettings keys ("sign/...") so that saving AppSettings never clears them.
struct SignFormMemory {
  QString reason;    // PAdES /Reason, e.g. "Phát hành"
  QString location;  // PAdES /Location, e.g. "Huế"
  QString level;     // the level last signed at ("B-B".."B-LTA"); empty: never chosen

  static SignFormMemory load(QSettings& s);
  void save(QSettings& s) const;
};

}  // namespace kyso::ui

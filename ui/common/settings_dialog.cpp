#include "ui/common/settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/common/choose_file.h"

namespace kyso::ui {
namespace {

QStringList items(const QListWidget* w) {
  QStringList out;
  for (int i = 0; i < w->count(); ++i) out << w->item(i)->text();
  return out;
}

}  // namespace

SettingsDialog::SettingsDialog(const AppSettings& current, QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("SettingsDialog"));
  auto* layout = new QVBoxLayout(this);

  m_modulesBox = new QGroupBox(this);
  auto* ml = new QVBoxLayout(m_modulesBox);
  m_modules = new QListWidget(m_modulesBox);
  m_modules->addItems(current.pkcs11Modules);
  auto* mb = new QHBoxLayout;
  m_addModule = new QPushButton(m_modulesBox);
  m_removeModule = new QPushButton(m_modulesBox);
  mb->addWidget(m_addModule);
  mb->addWidget(m_removeModule);
  mb->addStretch();
  ml->addWidget(m_modules);
  ml->addLayout(mb);
  layout->addWidget(m_modulesBox);

  m_tsaBox = new QGroupBox(this);
  auto* tl = new QVBoxLayout(m_tsaBox);
  m_tsa = new QLineEdit(current.tsaUrl, m_tsaBox);
  m_tsa->setObjectName(QStringLiteral("tsa"));
  tl->addWidget(m_tsa);
  layout->addWidget(m_tsaBox);

  layout->addWidget(buildTrustBox(current));

  m_dbBox = new QGroupBox(this);
  auto* dl = new QHBoxLayout(m_dbBox);
  m_db = new QLineEdit(current.inventoryDatabase, m_dbBox);
  m_browseDb = new QPushButton(m_dbBox);
  dl->addWidget(m_db);
  dl->addWidget(m_browseDb);
  layout->addWidget(m_dbBox);

  layout->addWidget(buildServiceBox(current));

  m_langBox = new QGroupBox(this);
  auto* ll = new QHBoxLayout(m_langBox);
  m_language = new QComboBox(m_langBox);
  m_language->setObjectName(QStringLiteral("language"));
  // Each language is named in itself, so that a user who cannot read the current one finds theirs.
  m_language->addItem(QStringLiteral("Tiếng Việt"), QStringLiteral("vi"));
  m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
  m_language->setCurrentIndex(current.effectiveLanguage() == QLatin1String("en") ? 1 : 0);
  ll->addWidget(m_language);
  layout->addWidget(m_langBox);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  connectButtons();
  retranslateUi();
}

// The shipped trust groups and the anchors added to them.
QGroupBox* SettingsDialog::buildTrustBox(const AppSettings& current) {
  m_trustBox = new QGroupBox(this);
  auto* trl = new QVBoxLayout(m_trustBox);
  m_government = new QCheckBox(m_trustBox);
  m_government->setChecked(current.trustGovernment);
  m_public = new QCheckBox(m_trustBox);
  m_public->setChecked(current.trustPublic);
  m_anchors = new QListWidget(m_trustBox);
  m_anchors->addItems(current.extraAnchors);
  m_anchors->setMaximumHeight(70);
  auto* ab = new QHBoxLayout;
  m_addAnchor = new QPushButton(m_trustBox);
  m_removeAnchor = new QPushButton(m_trustBox);
  ab->addWidget(m_addAnchor);
  ab->addWidget(m_removeAnchor);
  ab->addStretch();
  trl->addWidget(m_government);
  trl->addWidget(m_public);
  trl->addWidget(m_anchors);
  trl->addLayout(ab);
  // CRL files kept on this computer: what a machine without the CAs' servers checks against.
  m_crlLabel = new QLabel(m_trustBox);
  m_crls = new QListWidget(m_trustBox);
  m_crls->setObjectName(QStringLiteral("crlFiles"));
  m_crls->addItems(current.crlFiles);
  m_crls->setMaximumHeight(55);
  auto* cb = new QHBoxLayout;
  m_addCrl = new QPushButton(m_trustBox);
  m_removeCrl = new QPushButton(m_trustBox);
  cb->addWidget(m_addCrl);
  cb->addWidget(m_removeCrl);
  cb->addStretch();
  trl->addWidget(m_crlLabel);
  trl->addWidget(m_crls);
  trl->addLayout(cb);
  return m_trustBox;
}

// The signing service: the document systems it serves without asking, and its images.
QGroupBox* SettingsDialog::buildServiceBox(const AppSettings& current) {
  m_serviceBox = new QGroupBox(this);
  auto* grid = new QGridLayout(m_serviceBox);
  m_originsLabel = new QLabel(m_serviceBox);
  m_origins = new QLineEdit(current.serviceOrigins.join(QLatin1Char(' ')), m_serviceBox);
  m_origins->setObjectName(QStringLiteral("serviceOrigins"));
  m_handwritingLabel = new QLabel(m_serviceBox);
  m_handwriting = new QLineEdit(current.handwritingImage, m_serviceBox);
  m_handwriting->setObjectName(QStringLiteral("handwritingImage"));
  m_browseHandwriting = new QPushButton(m_serviceBox);
  m_sealLabel = new QLabel(m_serviceBox);
  m_seal = new QLineEdit(current.sealImage, m_serviceBox);
  m_seal->setObjectName(QStringLiteral("sealImage"));
  m_browseSeal = new QPushButton(m_serviceBox);
  grid->addWidget(m_originsLabel, 0, 0);
  grid->addWidget(m_origins, 0, 1, 1, 2);
  grid->addWidget(m_handwritingLabel, 1, 0);
  grid->addWidget(m_handwriting, 1, 1);
  grid->addWidget(m_browseHandwriting, 1, 2);
  grid->addWidget(m_sealLabel, 2, 0);
  grid->addWidget(m_seal, 2, 1);
  grid->addWidget(m_browseSeal, 2, 2);
  return m_serviceBox;
}

void SettingsDialog::connectButtons() {
  connect(m_addModule, &QPushButton::clicked, this, [this] {
    chooseFile(this, tr("Choose a PKCS#11 module"), tr("Libraries (*.so *.so.*)"),
               [this](const QString& f) { m_modules->addItem(f); });
  });
  connect(m_removeModule, &QPushButton::clicked, this, [this] { delete m_modules->currentItem(); });
  connect(m_addAnchor, &QPushButton::clicked, this, [this] {
    chooseFile(this, tr("Choose a trust anchor"), tr("Certificates (*.pem *.crt *.cer)"),
               [this](const QString& f) { m_anchors->addItem(f); });
  });
  connect(m_removeAnchor, &QPushButton::clicked, this, [this] { delete m_anchors->currentItem(); });
  connect(m_addCrl, &QPushButton::clicked, this, [this] {
    chooseFile(this, tr("Choose a certificate revocation list"),
               tr("Revocation lists (*.crl *.pem *.der)"),
               [this](const QString& f) { m_crls->addItem(f); });
  });
  connect(m_removeCrl, &QPushButton::clicked, this, [this] { delete m_crls->currentItem(); });
  connect(m_browseHandwriting, &QPushButton::clicked, this, [this] {
    chooseFile(this, tr("Choose your handwritten signature"), tr("Images (*.png *.jpg *.jpeg)"),
               [this](const QString& f) { m_handwriting->setText(f); });
  });
  connect(m_browseSeal, &QPushButton::clicked, this, [this] {
    chooseFile(this, tr("Choose the unit's seal"), tr("Images (*.png *.jpg *.jpeg)"),
               [this](const QString& f) { m_seal->setText(f); });
  });
  connect(m_browseDb, &QPushButton::clicked, this, [this] {
    chooseFile(this, tr("Choose the inventory database"), tr("SQLite databases (*.db *.sqlite)"),
               [this](const QString& f) { m_db->setText(f); });
  });
}

AppSettings SettingsDialog::settings() const {
  AppSettings a;
  a.pkcs11Modules = items(m_modules);
  a.tsaUrl = m_tsa->text().trimmed();
  a.trustGovernment = m_government->isChecked();
  a.trustPublic = m_public->isChecked();
  a.extraAnchors = items(m_anchors);
  a.crlFiles = items(m_crls);
  a.inventoryDatabase = m_db->text().trimmed();
  a.language = m_language->currentData().toString();
  a.serviceOrigins = m_origins->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
  a.handwritingImage = m_handwriting->text().trimmed();
  a.sealImage = m_seal->text().trimmed();
  return a;
}

void SettingsDialog::retranslateUi() {
  setWindowTitle(tr("Settings"));
  m_modulesBox->setTitle(tr("PKCS#11 modules (token drivers)"));
  m_addModule->setText(tr("Add…"));
  m_removeModule->setText(tr("Remove"));
  m_tsaBox->setTitle(tr("Time-stamping authority (TSA) URL"));
  m_tsa->setPlaceholderText(tr("http://…"));
  m_trustBox->setTitle(tr("Trusted certificate authorities"));
  m_government->setText(tr("Government specialised PKI (Ban Cơ yếu Chính phủ)"));
  m_public->setText(tr("Public CAs under the Vietnam National Root CA"));
  m_addAnchor->setText(tr("Add anchor…"));
  m_removeAnchor->setText(tr("Remove"));
  m_crlLabel->setText(tr("Revocation lists (CRL) kept on this computer, used before the network:"));
  m_addCrl->setText(tr("Add CRL…"));
  m_removeCrl->setText(tr("Remove"));
  m_dbBox->setTitle(tr("Inventory database"));
  m_db->setPlaceholderText(tr("SQLite file or postgresql://…"));
  m_browseDb->setText(tr("Browse…"));
  m_serviceBox->setTitle(tr("Signing service for web document systems"));
  m_originsLabel->setText(tr("Sites served without asking:"));
  m_origins->setPlaceholderText(
      tr("https://vanban.soyte.example.gov.vn (several: separated by spaces)"));
  m_handwritingLabel->setText(tr("Handwritten signature:"));
  m_handwriting->setPlaceholderText(tr("PNG or JPEG; empty: your name only"));
  m_browseHandwriting->setText(tr("Browse…"));
  m_sealLabel->setText(tr("Unit's seal (issuing):"));
  m_seal->setPlaceholderText(tr("PNG or JPEG of the round seal"));
  m_browseSeal->setText(tr("Browse…"));
  m_langBox->setTitle(tr("Language"));
}

void SettingsDialog::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslateUi();
  QDialog::changeEvent(e);
}

}  // namespace kyso::ui

// SettingsDialog: edits AppSettings (PKCS#11 modules, TSA URL, trust groups, inventory database,
// the signing service's sites and images, language). It only edits values; the main window saves
// them and applies the language.
#pragma once

#include <QDialog>

#include "ui/common/app_settings.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QGroupBox;

namespace kyso::ui {

class SettingsDialog : public QDialog {
  Q_OBJECT
 public:
  explicit SettingsDialog(const AppSettings& current, QWidget* parent = nullptr);
  /// The values as edited.
  AppSettings settings() const;

 protected:
  void changeEvent(QEvent* e) override;

 private:
  QGroupBox* buildTrustBox(const AppSettings& current);
  QGroupBox* buildServiceBox(const AppSettings& current);
  void connectButtons();
  void retranslateUi();
  QGroupBox* m_modulesBox = nullptr;
  QListWidget* m_modules = nullptr;
  QPushButton* m_addModule = nullptr;
  QPushButton* m_removeModule = nullptr;
  QGroupBox* m_tsaBox = nullptr;
  QLineEdit* m_tsa = nullptr;
  QGroupBox* m_trustBox = nullptr;
  QCheckBox* m_government = nullptr;
  QCheckBox* m_public = nullptr;
  QListWidget* m_anchors = nullptr;
  QPushButton* m_addAnchor = nullptr;
  QPushButton* m_removeAnchor = nullptr;
  QLabel* m_crlLabel = nullptr;
  QListWidget* m_crls = nullptr;
  QPushButton* m_addCrl = nullptr;
  QPushButton* m_removeCrl = nullptr;
  QGroupBox* m_dbBox = nullptr;
  QLineEdit* m_db = nullptr;
  QPushButton* m_browseDb = nullptr;
  QGroupBox* m_serviceBox = nullptr;
  QLabel* m_originsLabel = nullptr;
  QLineEdit* m_origins = nullptr;
  QLabel* m_handwritingLabel = nullptr;
  QLineEdit* m_handwriting = nullptr;
  QPushButton* m_browseHandwriting = nullptr;
  QLabel* m_sealLabel = nullptr;
  QLineEdit* m_seal = nullptr;
  QPushButton* m_browseSeal = nullptr;
  QGroupBox* m_langBox = nullptr;
  QComboBox* m_language = nullptr;
};

}  // namespace kyso::ui

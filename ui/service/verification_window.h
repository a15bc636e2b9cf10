// The report of a verification a web page asked for (VerifyPDF), in kyso's own window: the site,
// the document, then kyso's HTML report (verdict first) in the app's language. Not modal: the
// page gets its answer while the person reads.
#pragma once

#include <QDialog>

#include "src/service/service_host.h"

namespace kyso::ui {

class VerificationWindow : public QDialog {
  Q_OBJECT
 public:
  VerificationWindow(const service::VerificationShown& what, QWidget* parent = nullptr);
};

}  // namespace kyso::ui

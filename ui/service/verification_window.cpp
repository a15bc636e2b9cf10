#include "ui/service/verification_window.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "src/pdfverify/report.h"
#include "ui/common/ui_text.h"

namespace kyso::ui {

VerificationWindow::VerificationWindow(const service::VerificationShown& what, QWidget* parent)
    : QDialog(parent) {
  setObjectName(QStringLiteral("verificationWindow"));
  setWindowTitle(
      tr("kyso: a site asked to verify %1").arg(QString::fromStdString(what.documentName)));
  auto* layout = new QVBoxLayout(this);
  auto* from = new QLabel(
      tr("Asked by %1 for %2")
          .arg(QString::fromStdString(what.origin), QString::fromStdString(what.documentUrl)));
  from->setObjectName(QStringLiteral("verificationOrigin"));
  from->setWordWrap(true);
  from->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(from);
  auto* report = new QTextBrowser;
  report->setObjectName(QStringLiteral("verificationReport"));
  report->setOpenLinks(false);  // the report is kyso's own; nothing in it is followed
  if (what.report)
    report->setHtml(QString::fromStdString(pdfverify::reportHtml({*what.report}, uiLang())));
  layout->addWidget(report, 1);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
  layout->addWidget(buttons);
  resize(760, 620);
}

}  // namespace kyso::ui

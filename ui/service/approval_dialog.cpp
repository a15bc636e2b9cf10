#include "ui/service/approval_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPdfDocument>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/sign/page_boxes.h"
#include "ui/sign/page_preview.h"

namespace kyso::ui {

namespace {

QString q(const std::string& s) {
  return QString::fromStdString(s);
}

QString requestWords(const service::Approval& a) {
  using service::Call;
  switch (a.call) {
    case Call::SignMsg:
      return ApprovalDialog::tr("sign a digest the site computed (SignMsg)");
    case Call::GetCertInfo:
      return ApprovalDialog::tr("see your certificate");
    case Call::SignFile:
      return ApprovalDialog::tr("sign a file (a separate .p7s signature)");
    case Call::SignXML:
      if (a.xmlProfile == "bhyt")
        return ApprovalDialog::tr("sign a health-insurance claim file (XML, the unit's signature)");
      if (a.xmlProfile == "einvoice")
        return ApprovalDialog::tr("sign an e-invoice (XML, the seller's signature)");
      return ApprovalDialog::tr("sign an XML document");
    case Call::SignFiles:
      return ApprovalDialog::tr(
          "sign %n document(s) at once (PDFs: no visible signature; other files: a separate .p7s)",
          nullptr, static_cast<int>(a.batch.size()));
    default:
      break;
  }
  if (a.kind.empty()) return ApprovalDialog::tr("sign a PDF (no visible signature)");
  if (a.kind == "approved") return ApprovalDialog::tr("approve a document (your signature)");
  if (a.kind == "issued") return ApprovalDialog::tr("issue a document (the seal, number and date)");
  if (a.kind == "incoming") return ApprovalDialog::tr("stamp an incoming document");
  if (a.kind == "copy") return ApprovalDialog::tr("certify a copy");
  if (a.kind == "appendix") return ApprovalDialog::tr("sign an appendix");
  return q(a.kind);
}

}  // namespace

ApprovalDialog::ApprovalDialog(const service::Approval& a, std::vector<SigningCert> certs,
                               std::vector<CertPlacement> placements, QWidget* parent)
    : QDialog(parent), m_certs(std::move(certs)), m_placements(std::move(placements)) {
  setWindowTitle(tr("kyso: a web page asks for a signature"));
  setObjectName(QStringLiteral("approvalDialog"));
  auto* form = new QFormLayout;
  auto add = [&](const QString& label, const QString& value, const char* name) {
    auto* l = new QLabel(value);
    l->setObjectName(QString::fromLatin1(name));
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(true);
    form->addRow(label, l);
    m_summary += label + QLatin1Char(' ') + value + QLatin1Char('\n');
  };
  add(tr("Site:"), q(a.origin), "site");
  add(tr("Asks to:"), requestWords(a), "request");
  if (!a.batch.empty()) {
    auto* list = new QListWidget;
    list->setObjectName(QStringLiteral("batchList"));
    for (const service::BatchDocument& d : a.batch) {
      auto* item = new QListWidgetItem(
          tr("%1 (%2)%3")
              .arg(q(d.name), QLocale().formattedDataSize(static_cast<qint64>(d.size)),
                   d.pdf ? QString() : tr(", a separate .p7s")));
      item->setToolTip(QStringLiteral("SHA-256 ") + q(d.sha256));
      list->addItem(item);
      m_summary += q(d.name) + QStringLiteral(" SHA-256 ") + q(d.sha256) + QLatin1Char('\n');
    }
    list->setMinimumHeight(160);
    form->addRow(tr("Documents:"), list);
  } else if (!a.documentName.empty()) {
    add(tr("Document:"),
        (a.localFile ? tr("%1 (%2, chosen on this computer)") : tr("%1 (%2)"))
            .arg(q(a.documentName),
                 QLocale().formattedDataSize(static_cast<qint64>(a.documentSize))),
        "document");
    add(tr("SHA-256:"), q(a.documentSha256), "sha256");
  }
  if (a.call == service::Call::SignXML) {
    add(tr("Root element:"), q("<" + a.xmlRoot + ">"), "xmlRoot");
    if (a.xmlSignatures > 0)
      add(tr("Signatures already in it:"), QString::number(a.xmlSignatures), "xmlSignatures");
    if (a.signatureOnly)
      add(tr("The site receives:"), tr("the signature alone, to place in the document itself"),
          "signatureOnly");
  }
  if (!a.docNumber.empty()) add(tr("Number:"), q(a.docNumber), "number");
  if (!a.issuedDate.empty()) add(tr("Date:"), q(a.issuedDate), "date");
  if (!a.digestHex.empty()) add(tr("Digest:"), q(a.digestAlg + " " + a.digestHex), "digest");
  if (!a.uploadTo.empty()) add(tr("Sent to:"), q(a.uploadTo), "upload");
  m_certBox = new QComboBox;
  m_certBox->setObjectName(QStringLiteral("certificate"));
  for (const SigningCert& c : m_certs) m_certBox->addItem(c.displayText());
  form->addRow(tr("Certificate:"), m_certBox);

  auto* buttons = new QDialogButtonBox;
  QPushButton* sign = buttons->addButton(
      a.call == service::Call::GetCertInfo ? tr("Show the certificate") : tr("Sign"),
      QDialogButtonBox::AcceptRole);
  sign->setObjectName(QStringLiteral("signButton"));
  sign->setEnabled(!m_certs.empty());
  QPushButton* decline = buttons->addButton(tr("Decline"), QDialogButtonBox::RejectRole);
  decline->setObjectName(QStringLiteral("declineButton"));
  decline->setDefault(true);  // Enter never signs by accident
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* left = new QVBoxLayout;
  left->addLayout(form);
  if (m_certs.empty()) {
    auto* none = new QLabel(tr("No signing certificate: plug in your token."));
    none->setObjectName(QStringLiteral("noCertificate"));
    left->addWidget(none);
  }
  left->addStretch();
  left->addWidget(buttons);
  auto* row = new QHBoxLayout(this);
  row->addLayout(left, 1);
  // An XML document as text (its first 64 KiB), read only.
  if (a.call == service::Call::SignXML && !a.documentFile.empty()) {
    QFile f(QString::fromStdString(a.documentFile.string()));
    auto* text = new QPlainTextEdit;
    text->setObjectName(QStringLiteral("xmlPreview"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    if (f.open(QIODevice::ReadOnly)) {
      const QByteArray head = f.read(64 * 1024);
      text->setPlainText(QString::fromUtf8(head) +
                         (f.size() > head.size() ? QStringLiteral("\n…") : QString()));
    }
    text->setMinimumWidth(420);
    row->addWidget(text, 1);
  }
  // The document's first page, as it will be signed (a PDF only).
  else if (!a.documentFile.empty() && a.call != service::Call::SignFile) {
    m_doc = new QPdfDocument(this);
    auto geometry = readPageGeometry(a.documentFile);
    if (m_doc->load(QString::fromStdString(a.documentFile.string())) == QPdfDocument::Error::None &&
        geometry.ok() && !geometry->empty()) {
      m_geometry = *geometry;
      m_preview = new PagePreview;
      m_preview->setObjectName(QStringLiteral("preview"));
      m_preview->setReadOnly(true);  // the place is the kind's: shown, not chosen here
      m_preview->showPage(m_doc, 0, m_geometry.front());
      auto* right = new QVBoxLayout;
      right->addWidget(m_preview, 1);
      m_placementNote = new QLabel;
      m_placementNote->setObjectName(QStringLiteral("placementNote"));
      m_placementNote->setWordWrap(true);
      right->addWidget(m_placementNote);
      row->addLayout(right, 1);
      connect(m_certBox, &QComboBox::currentIndexChanged, this, &ApprovalDialog::showPlacement);
      showPlacement(m_certBox->currentIndex());
    }
  }
}

void ApprovalDialog::showPlacement(int certIndex) {
  if (!m_preview || certIndex < 0 || static_cast<std::size_t>(certIndex) >= m_placements.size()) {
    if (m_placementNote) m_placementNote->hide();
    return;
  }
  const CertPlacement& p = m_placements[static_cast<std::size_t>(certIndex)];
  if (!p.where) {
    const int shown = std::max(m_preview->page(), 0);
    if (static_cast<std::size_t>(shown) < m_geometry.size())  // no place: none marked
      m_preview->showPage(m_doc, shown, m_geometry[static_cast<std::size_t>(shown)]);
    m_placementNote->setText(tr("The signature's place could not be found: %1").arg(p.why));
    m_placementNote->show();
    return;
  }
  const int page = p.where->pageIndex;
  if (page >= 0 && static_cast<std::size_t>(page) < m_geometry.size() && page != m_preview->page())
    m_preview->showPage(m_doc, page, m_geometry[static_cast<std::size_t>(page)]);
  const auto& r = p.where->rect;
  m_preview->setPlacement(PdfRectF{r.llx, r.lly, r.urx, r.ury});
  m_placementNote->setText(tr("The signature goes in the marked place on page %1.").arg(page + 1));
  m_placementNote->show();
}

const SigningCert& ApprovalDialog::chosen() const {
  static const SigningCert none;
  const int i = m_certBox ? m_certBox->currentIndex() : -1;
  return i >= 0 && i < static_cast<int>(m_certs.size()) ? m_certs[static_cast<size_t>(i)] : none;
}

bool askAllowSite(QWidget* parent, const QString& origin) {
  QMessageBox box(QMessageBox::Question, ApprovalDialog::tr("kyso: a new site"),
                  ApprovalDialog::tr("The site %1 wants kyso to sign documents with your token.\n"
                                     "Allow this site to ask for signatures?")
                      .arg(origin),
                  QMessageBox::Yes | QMessageBox::No, parent);
  box.setObjectName(QStringLiteral("allowSiteBox"));
  box.setDefaultButton(QMessageBox::No);
  return box.exec() == QMessageBox::Yes;
}

}  // namespace kyso::ui

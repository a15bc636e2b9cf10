// ApprovalDialog: kyso's own window for one request of a web document system (issue 19), never
// the page's: the site that asks, what it asks (the kind, or the digest for SignMsg), the
// document's name, size and SHA-256 and a preview of its page with the signature's place marked
// for the certificate chosen (or why no place was found), the number and date, where the signed
// file goes, and the certificate that would sign (chosen among the plugged tokens').
// "Ký" accepts; "Từ chối" or closing declines.
#pragma once

#include <QDialog>
#include <optional>
#include <vector>

#include "src/service/service_host.h"
#include "ui/sign/placement.h"
#include "ui/sign/signing_certs.h"

class QComboBox;
class QLabel;
class QPdfDocument;

namespace kyso::ui {

class PagePreview;

/// Where the visible signature would go for one certificate, or why it cannot be placed.
struct CertPlacement {
  std::optional<service::PreviewPlacement> where;
  QString why;  // when `where` is empty and the request has a visible signature
};

class ApprovalDialog : public QDialog {
  Q_OBJECT
 public:
  /// `placements`: one per certificate, in the same order (empty: no visible signature).
  ApprovalDialog(const service::Approval& what, std::vector<SigningCert> certs,
                 std::vector<CertPlacement> placements = {}, QWidget* parent = nullptr);
  /// The certificate chosen (valid after accept()).
  const SigningCert& chosen() const;
  /// The text the dialog shows about the request, for tests and the log.
  QString summary() const { return m_summary; }

 private:
  void showPlacement(int certIndex);
  std::vector<SigningCert> m_certs;
  std::vector<CertPlacement> m_placements;
  QLabel* m_placementNote = nullptr;
  QComboBox* m_certBox = nullptr;
  QPdfDocument* m_doc = nullptr;
  PagePreview* m_preview = nullptr;
  std::vector<PageGeometry> m_geometry;
  QString m_summary;
};

/// "Cho phép trang này yêu cầu ký số?" for an origin neither listed nor remembered.
bool askAllowSite(QWidget* parent, const QString& origin);

}  // namespace kyso::ui

#include "src/service/sign_settings.h"

#include "src/jobs/pdf_sign_job.h"

namespace kyso::service {

Result<jobs::SignSettings> signSettings(const ServiceSettings& s) {
  jobs::SignSettings out;
  out.pdf.level = s.level;
  out.pdf.tsaUrl = s.tsaUrl;
  KYSO_ASSIGN_OR_RETURN(out.pdf.trust, jobs::chainBuildingTrust(s.level, s.extraAnchors));
  if (s.level != pdf::PadesLevel::BB && s.tsaUrl) out.detached.cms.tsaUrl = s.tsaUrl;
  return out;
}

}  // namespace kyso::service

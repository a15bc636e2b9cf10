#include "src/jobs/xml_sign_job.h"

#include <filesystem>

#include "core/atomic_file.h"
#include "src/xml/xml.h"

namespace kyso::jobs {
namespace {

namespace fs = std::filesystem;

Result<std::string> signOne(const SignInput& item, const SigningKey& key,
                            const XmlSignSettings& s) {
  const auto overwrite =
      s.overwrite || item.overwrite ? AtomicFile::Overwrite::Allow : AtomicFile::Overwrite::Refuse;
  // The output is claimed before the token signs, so that an existing file costs no signature.
  KYSO_ASSIGN_OR_RETURN(AtomicFile out, AtomicFile::create(item.output, overwrite));
  // The module reads the input in chunks and writes the signed document in pieces: a 50 MB
  // claim file is held once, as its parsed tree.
  xml::XmlSignSpec spec = s.spec;
  spec.wantSignatureElement = s.signatureOnly;
  KYSO_ASSIGN_OR_RETURN(
      xml::XmlSigned done,
      xml::signXml({item.input, {}}, spec, key.identity, [&out, &s](std::string_view piece) {
        return s.signatureOnly ? okStatus() : out.write(piece);
      }));
  if (s.signatureOnly) KYSO_TRY(out.write(done.signatureElement));
  KYSO_TRY(out.commit());
  return done.placedIn;
}

}  // namespace

BatchSummary XmlSignJob::run(const std::vector<SignInput>& items, const SigningKey& key,
                             const XmlSignSettings& settings, BatchObserver& observer) {
  BatchSummary summary;
  std::optional<Error> stop;
  for (std::size_t i = 0; i < items.size(); ++i) {
    ItemResult r;
    r.index = i;
    r.input = items[i].input;
    r.output = items[i].output;
    std::error_code ec;
    if (stop || summary.cancelled || (summary.cancelled = observer.cancelRequested())) {
      r.state = ItemResult::State::NotAttempted;
    } else if (settings.skipExisting && fs::exists(items[i].output, ec)) {
      r.state = ItemResult::State::Skipped;
    } else {
      observer.started(i, items.size());
      auto done = signOne(items[i], key, settings);
      if (done.ok()) {
        r.state = ItemResult::State::Done;
        r.level = "XML-DSig";
        r.field = *done;
      } else {
        r.state = ItemResult::State::Failed;
        r.error = done.error();
        if (stopsBatch(done.error())) stop = summary.stoppedBy = done.error();
      }
    }
    summary.add(r);
    observer.finished(r);
  }
  return summary;
}

}  // namespace kyso::jobs

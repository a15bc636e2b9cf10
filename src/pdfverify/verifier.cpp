#include "src/pdfverify/verifier.h"

#include <algorithm>
#include <map>
#include <set>

#include "src/pdfverify/changes.h"
#include "src/pdfverify/dss.h"
#include "src/pdfverify/problems.h"
#include "src/pdfverify/revision.h"
#include "src/pdfverify/revision_chain.h"
#include "src/pdfverify/roles.h"
#include "src/pdfverify/signatures.h"

namespace kyso::pdfverify {

namespace {

const std::set<std::string> kKnownSubFilters = {"adbe.pkcs7.detached", "ETSI.CAdES.detached",
                                                "adbe.pkcs7.sha1", "ETSI.RFC3161"};

FileReport errorReport(FileReport r, Error e) {
  r.status = FileStatus::Error;
  r.indication = Indication::Indeterminate;
  r.signatures.clear();
  r.error = std::move(e);
  return r;
}

bool onlyWhitespace(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f' || c == '\0';
  });
}

// Revisions opened once and shared by every signature that covers them. Revisions opened only to
// see what they changed are released once compared; their qpdf warnings are kept.
struct RevisionCache {
  std::shared_ptr<const FileBytes> bytes;
  const Budget& budget;
  std::map<std::uint64_t, std::pair<std::unique_ptr<OpenRevision>, RoleMap>> open;
  std::vector<std::string> releasedWarnings;

  Result<std::pair<OpenRevision*, const RoleMap*>> get(std::uint64_t limit) {
    auto it = open.find(limit);
    if (it == open.end()) {
      KYSO_ASSIGN_OR_RETURN(auto rev, OpenRevision::open(bytes, limit));
      KYSO_ASSIGN_OR_RETURN(auto roles, mapRoles(*rev, budget));
      it = open.emplace(limit, std::make_pair(std::move(rev), std::move(roles))).first;
    }
    return std::make_pair(it->second.first.get(), static_cast<const RoleMap*>(&it->second.second));
  }
  void release(std::uint64_t limit) {
    auto it = open.find(limit);
    if (it == open.end()) return;
    for (auto& w : it->second.first->laterWarnings())
      if (releasedWarnings.size() < 5) releasedWarnings.push_back(w);
    open.erase(it);
  }
};

void dictionaryChecks(const FoundSignature& s, SignatureReport& r) {
  if (s.unreadable) return;  // checkByteRange says why, and nothing else can be read
  if (s.type.empty())
    r.notes.push_back(Finding::of(Problem::NoType));
  else if (s.type != "/Sig" && s.type != "/DocTimeStamp")
    r.problems.push_back(Finding::of(Problem::WrongType, {s.type}));
  if (s.filter.empty()) r.problems.push_back(Finding::of(Problem::NoFilter));
  if (s.subfilter.empty())
    r.problems.push_back(Finding::of(Problem::NoSubFilter));
  else if (!kKnownSubFilters.count(s.subfilter))
    r.problems.push_back(Finding::of(Problem::UnsupportedSubFilter, {s.subfilter}));
  if (s.subfilter == "ETSI.RFC3161" && s.type != "/DocTimeStamp")
    r.problems.push_back(Finding::of(Problem::TimestampWrongType));
  if (s.type == "/DocTimeStamp" && s.subfilter != "ETSI.RFC3161")
    r.problems.push_back(Finding::of(Problem::DocTimeStampWrongSubFilter));
  if (s.parsed_contents.empty()) r.problems.push_back(Finding::of(Problem::NoContents));
}

void judge(SignatureReport& r) {
  const bool disallowed = r.modifications == Modifications::Disallowed;
  if (!r.problems.empty() || r.coverage == Coverage::Invalid || r.coverage == Coverage::Partial ||
      disallowed) {
    r.indication = Indication::TotalFailed;
    r.subindication = SubIndication::FormatFailure;
    // A broken signature value is the more specific reason when the CMS layer found one.
    if (r.crypto.checked && r.crypto.indication == Indication::TotalFailed &&
        r.coverage != Coverage::Invalid)
      r.subindication = r.crypto.subindication;
    return;
  }
  if (!r.crypto.checked) {
    r.indication = Indication::Indeterminate;
    r.subindication = SubIndication::SignedDataNotFound;
    return;
  }
  r.indication = r.crypto.indication;
  r.subindication = r.crypto.subindication;
  if (r.indication == Indication::TotalPassed && r.crypto.intact != true) {
    r.indication = Indication::Indeterminate;
    r.subindication = SubIndication::GenericFailure;
  }
}

using SignatureList = std::vector<std::pair<FoundSignature, SignatureReport>>;

// The 1-based revision whose end a signature's ByteRange reaches (0: none).
std::size_t revisionEnding(const FoundSignature& s, const std::vector<RevisionEnd>& revs) {
  if (!s.byte_range_shape_ok || s.byte_range[2] < 0 || s.byte_range[3] < 0) return 0;
  const auto end =
      static_cast<std::uint64_t>(s.byte_range[2]) + static_cast<std::uint64_t>(s.byte_range[3]);
  for (std::size_t i = 0; i < revs.size(); ++i)
    if (revs[i].end == end || revs[i].end_with_eol == end) return i + 1;
  return 0;
}

// The DocMDP and FieldMDP rules in force after signature `r`: its own and earlier signatures'.
ChangeRules rulesAfter(const SignatureReport& r, const SignatureList& sigs) {
  ChangeRules rules;
  for (auto& [s2, r2] : sigs) {
    if (r2.revision == 0 || r2.revision > r.revision) continue;
    if (s2.docmdp > 0 && (rules.docmdp == 0 || s2.docmdp < rules.docmdp)) rules.docmdp = s2.docmdp;
    for (auto& l : s2.locks) rules.locks.push_back(l);
  }
  return rules;
}

// What every revision after each signed revision changed, object by object: the document as of
// revision j-1 against the document as of revision j, for j from the first signed revision + 1 to
// the last, each change judged by the rules of every signature that revision j came after and
// attributed to revision j. A change made and undone later, or an object rewritten in one update
// and hidden by the next, is therefore seen in the revision that made it. At most
// kMaxRevisionsOneByOne revisions are compared one by one; the rest are compared in one step and
// reported as not checked one by one (never allowed).
constexpr std::size_t kMaxRevisionsOneByOne = 256;

Status analyseRevisions(SignatureList& sigs, const std::vector<RevisionEnd>& revs,
                        RevisionCache& cache, const Budget& budget) {
  std::vector<std::pair<SignatureReport*, ChangeRules>> judged;
  std::size_t first = revs.size();
  for (auto& [s, r] : sigs) {
    if (r.coverage != Coverage::Revision) continue;
    judged.emplace_back(&r, rulesAfter(r, sigs));
    first = std::min(first, static_cast<std::size_t>(r.revision));
  }
  if (judged.empty()) return okStatus();
  auto limitOf = [&](std::size_t rev) { return revs[rev - 1].end_with_eol; };
  auto pinned = [&](std::size_t rev) {
    if (rev == revs.size()) return true;
    return std::any_of(sigs.begin(), sigs.end(),
                       [&](auto& p) { return static_cast<std::size_t>(p.second.revision) == rev; });
  };
  // Signed revisions that cannot be read on their own make their signature invalid.
  for (auto& [r, rules] : judged) {
    if (!cache.get(limitOf(static_cast<std::size_t>(r->revision))).ok()) {
      r->problems.push_back(Finding::of(Problem::SignedRevisionUnreadable));
      r->coverage = Coverage::Invalid;
    }
  }
  std::size_t prev = first;
  for (std::size_t j = first + 1; j <= revs.size(); ++j) {
    KYSO_TRY(budget.check("analyseRevisions"));
    std::size_t from = prev;
    int firstMade = static_cast<int>(prev) + 1;
    // Too many revisions: compare the rest in one step.
    if (j - first > kMaxRevisionsOneByOne && j < revs.size()) continue;
    auto older = cache.get(limitOf(from));
    auto newer = cache.get(limitOf(j));
    for (auto& [r, rules] : judged) {
      if (r->coverage != Coverage::Revision || static_cast<std::size_t>(r->revision) >= j) continue;
      std::vector<Change> changes;
      if (static_cast<std::size_t>(r->revision) > from) {
        // Signed inside the range compared in one step: nothing after it was checked one by one.
        Change c;
        c.kind = ChangeKind::RevisionsNotCheckedOneByOne;
        c.args = {std::to_string(r->revision + 1), std::to_string(j)};
        c.revision = static_cast<int>(j);
        r->changes.push_back(std::move(c));
        continue;
      }
      if (!older.ok() || !newer.ok()) {
        Change c;
        c.kind = ChangeKind::RevisionUnreadable;
        c.args = {std::to_string(!newer.ok() ? j : from)};
        changes.push_back(std::move(c));
      } else {
        KYSO_TRY(analyseChanges(*older->first, *older->second, *newer->first, *newer->second, rules,
                                budget, changes));
      }
      for (int obj : revs[j - 1].duplicate_objects) {
        Change c;
        c.kind = ChangeKind::XrefDuplicateEntry;
        c.args = {std::to_string(obj)};
        changes.push_back(std::move(c));
      }
      if (changes.empty()) {
        Change c;
        c.kind = ChangeKind::UpdateChangesNothing;
        c.allowed = changeAllowed(c.kind, rules.docmdp);
        changes.push_back(std::move(c));
      }
      if (static_cast<std::size_t>(firstMade) < j) {
        Change c;
        c.kind = ChangeKind::RevisionsNotCheckedOneByOne;
        c.args = {std::to_string(firstMade), std::to_string(j)};
        changes.push_back(std::move(c));
      }
      for (auto& c : changes) {
        c.revision = static_cast<int>(j);
        r->changes.push_back(std::move(c));
      }
    }
    if (!pinned(from)) cache.release(limitOf(from));
    prev = j;
  }
  for (auto& [r, rules] : judged) {
    if (r->coverage != Coverage::Revision) continue;
    bool bad =
        std::any_of(r->changes.begin(), r->changes.end(), [](auto& c) { return !c.allowed; });
    r->modifications = bad                  ? Modifications::Disallowed
                       : r->changes.empty() ? Modifications::None
                                            : Modifications::Allowed;
  }
  return okStatus();
}

// The revisions of the file as far as they can be read, with what a person must hear about them.
struct Revisions {
  std::vector<RevisionEnd> ends;       // complete revisions, oldest first
  std::optional<Error> damagedEnding;  // why the file's own ending could not be used
  std::uint64_t trailing = 0;          // bytes after the last complete revision
  std::optional<FileBytes::Markers> markers;
};

// Reads the revision chain (falling back to the last complete revision before a damaged ending,
// never rebuilding a cross-reference table) and opens the document as it is now. Notes on orphan
// end-of-file markers, a skipped raw search, duplicate entries go to `rep`.
Result<std::pair<Revisions, OpenRevision*>> readRevisions(const FileBytes& bytes,
                                                          const VerifyOptions& opt,
                                                          RevisionCache& cache, FileReport& rep) {
  Revisions out;
  // A raw pass over smaller files finds signature dictionaries and end-of-file markers that the
  // cross-reference chain does not account for; large files skip it (it would cost as much as
  // hashing them).
  if (bytes.size() <= opt.raw_scan_limit) {
    KYSO_ASSIGN_OR_RETURN(out.markers, bytes.scanMarkers(opt.max_revisions));
  }
  auto chain = revisionChain(bytes, opt.max_revisions);
  if (!chain.ok()) out.damagedEnding = chain.error();
  if (!chain.ok() && out.markers) {
    // A damaged ending (a broken final cross-reference section, objects appended without one):
    // every signature is judged against the last complete revision before it, and the bytes
    // after it make coverage partial.
    for (auto e = out.markers->revisions.rbegin(); e != out.markers->revisions.rend(); ++e) {
      auto shorter = revisionChain(bytes, opt.max_revisions, e->end_with_eol);
      if (shorter.ok()) {
        chain = std::move(shorter);
        break;
      }
    }
  }
  if (!chain.ok()) return chain.error();
  auto& revs = out.ends = std::move(*chain);
  // The document as it is now: the last complete revision that opens on its own.
  auto current = cache.get(revs.back().end_with_eol);
  for (int tries = 0; !current.ok() && revs.size() > 1 && tries < 8; ++tries) {
    if (!out.damagedEnding) out.damagedEnding = current.error();
    revs.pop_back();
    current = cache.get(revs.back().end_with_eol);
  }
  if (!current.ok()) return current.error();
  if (out.markers) {
    std::size_t orphans = 0;
    for (auto& e : out.markers->revisions)
      orphans += std::none_of(revs.begin(), revs.end(), [&](auto& r) { return r.end == e.end; });
    if (orphans > 0)
      rep.notes.push_back(Finding::of(Problem::OrphanEofMarkers, {std::to_string(orphans)}));
  } else {
    rep.notes.push_back(Finding::of(Problem::LargeFileRawSearchSkipped));
  }
  const std::uint64_t lastEnd = revs.back().end_with_eol;
  if (lastEnd < bytes.size()) {
    std::string tail;
    KYSO_TRY(bytes.readAt(
        lastEnd,
        static_cast<std::size_t>(std::min<std::uint64_t>(bytes.size() - lastEnd, 1u << 20)), tail));
    if (bytes.size() - lastEnd > (1u << 20) || !onlyWhitespace(tail))
      out.trailing = bytes.size() - lastEnd;
  }
  for (const auto& rev : revs)
    for (int obj : rev.duplicate_objects)
      rep.notes.push_back(Finding::of(
          Problem::DamagedObject,
          {changeSentence(ChangeKind::XrefDuplicateEntry, {std::to_string(obj)}, Lang::En)}));
  OpenRevision* cur = current->first;
  return std::make_pair(std::move(out), cur);
}

// The signature dictionary as it was signed: the revision the ByteRange reaches holds it. A later
// rewrite of it (details changed, ByteRange and /Contents copied) is a change after signing.
std::pair<FoundSignature, OpenRevision*> asSigned(const FoundSignature& latest,
                                                  const std::vector<RevisionEnd>& revs,
                                                  OpenRevision& cur, RevisionCache& cache,
                                                  Budget& budget) {
  const std::size_t signedRev = revisionEnding(latest, revs);
  if (signedRev == 0 || signedRev >= revs.size()) return {latest, &cur};
  auto rk = cache.get(revs[signedRev - 1].end_with_eol);
  if (!rk.ok()) return {latest, &cur};
  FoundSignature s = latest;
  auto then = findSignatures(*rk->first, budget);
  if (then.ok())
    for (auto& t : *then)
      if (t.field == latest.field) s = t;
  return {s, rk->first};
}

// The report's fields that come from the dictionary alone.
SignatureReport dictionaryReport(const FoundSignature& s) {
  SignatureReport r;
  r.field = s.field;
  r.name = s.name;
  r.reason = s.reason;
  r.location = s.location;
  r.claimed_time = s.claimed_time;
  r.appearance = s.appearance;
  r.stamped_number = s.stampedNumber;
  r.stamped_date = s.stampedDate;
  r.type = s.type;
  r.filter = s.filter;
  r.subfilter = s.subfilter;
  r.byte_range = s.byte_range;
  r.docmdp = s.docmdp;
  r.kind = (s.type == "/DocTimeStamp" || s.subfilter == "ETSI.RFC3161") ? SignatureKind::Timestamp
           : s.docmdp > 0 ? SignatureKind::Certification
                          : SignatureKind::Approval;
  dictionaryChecks(s, r);
  return r;
}

// What the CMS checker needs for one signature: the covered bytes, its /Contents, the /DSS and
// the /VRI entry for it.
CmsInput cmsInputFor(const std::shared_ptr<const FileBytes>& bytes, const FoundSignature& s,
                     const ByteRangeFacts& br, const DssMaterial& dss, bool laterRevisions) {
  CmsInput in;
  in.subfilter = s.subfilter;
  in.contents_der = &br.contents_der;
  const std::uint64_t a = static_cast<std::uint64_t>(s.byte_range[1]);
  const std::uint64_t b = static_cast<std::uint64_t>(s.byte_range[2]);
  const std::uint64_t c = static_cast<std::uint64_t>(s.byte_range[3]);
  in.digest_covered = [bytes, a, b, c](const EVP_MD* md) {
    return bytes->digestRanges(md, {{0, a}, {b, c}});
  };
  in.feed_covered = [bytes, a, b, c](const auto& sink) {
    return bytes->feedRanges({{0, a}, {b, c}}, sink);
  };
  in.dss = &dss;
  // The /VRI key is the SHA-1 of the signature: kyso and most signers hash the DER, some the
  // whole zero-padded /Contents string.
  for (const std::string* candidate : {&br.contents_der, &s.parsed_contents}) {
    auto v = dss.vri.find(vriKey(*candidate));
    if (v != dss.vri.end()) {
      in.vri = &v->second;
      break;
    }
  }
  in.has_later_revisions = laterRevisions;
  return in;
}

// One signature: its dictionary as signed, its byte range and coverage, its cryptography.
std::pair<FoundSignature, SignatureReport> checkSignature(
    const std::shared_ptr<const FileBytes>& bytes, const FoundSignature& latest,
    const Revisions& revisions, OpenRevision& cur, RevisionCache& cache, Budget& budget,
    const DssMaterial& dss, const VerifyOptions& opt) {
  const auto& revs = revisions.ends;
  auto [s, holder] = asSigned(latest, revs, cur, cache, budget);
  SignatureReport r = dictionaryReport(s);
  std::uint64_t dictOffset = 0;
  auto x = holder->xref().find(s.dict_og);
  if (x != holder->xref().end() && x->second.type == 1)
    dictOffset = x->second.offset;
  else if (x != holder->xref().end())
    r.problems.push_back(Finding::of(Problem::DictionaryInObjectStream));
  ByteRangeFacts br = checkByteRange(*bytes, s, revs, dictOffset);
  for (auto& p : br.problems) r.problems.push_back(p);
  r.signed_end = br.end;
  r.revision = br.revision;
  const bool last = br.revision == static_cast<int>(revs.size());
  r.coverage = br.fatal                            ? Coverage::Invalid
               : br.revision == 0                  ? Coverage::Partial
               : (last && revisions.trailing == 0) ? Coverage::WholeDocument
               : last                              ? Coverage::Partial
                                                   : Coverage::Revision;
  if (r.coverage == Coverage::Partial && br.revision != 0)
    r.problems.push_back(Finding::of(Problem::BytesAppended));
  if (!br.fatal && opt.cms) {
    const CmsInput in = cmsInputFor(bytes, s, br, dss, r.coverage == Coverage::Revision);
    const auto cmsStart = std::chrono::steady_clock::now();
    r.crypto = opt.cms->checkSlowly(in);
    budget.extend(std::chrono::steady_clock::now() - cmsStart);  // its own timeouts bound it
  } else if (!opt.cms) {
    r.crypto.notes.push_back(Finding::of(Problem::NoCryptoCheck));
  }
  return {std::move(s), std::move(r)};
}

// LTV levels need the whole document: a later document timestamp stands in for a signature
// timestamp, the /DSS makes B-LT, and a document timestamp over a revision holding the /DSS
// makes B-LTA.
void raiseLevels(std::vector<std::pair<FoundSignature, SignatureReport>>& sigs,
                 const std::vector<RevisionEnd>& revs, RevisionCache& cache,
                 const DssMaterial& dss) {
  for (auto& [s, r] : sigs) {
    if (!r.crypto.checked || r.kind == SignatureKind::Timestamp || r.revision == 0) continue;
    bool laterTs = false, ltaTs = false;
    for (auto& [s2, r2] : sigs) {
      if (r2.kind != SignatureKind::Timestamp || r2.revision <= r.revision ||
          r2.crypto.intact != true)
        continue;
      laterTs = true;
      auto tsRev = cache.get(revs[static_cast<std::size_t>(r2.revision) - 1].end_with_eol);
      if (tsRev.ok() && tsRev->first->pdf().getRoot().getKey("/DSS").isDictionary()) ltaTs = true;
    }
    const bool pades = r.subfilter == "ETSI.CAdES.detached";
    std::string& lvl = r.crypto.level;
    if (laterTs && lvl == "B-B") lvl = "B-T";
    if (laterTs && lvl == "PKCS7") lvl = "PKCS7-T";
    if (laterTs && lvl == "CMS") lvl = "CMS-T";
    if (pades && lvl == "B-T" && dss.present && r.coverage == Coverage::Revision) lvl = "B-LT";
    if (lvl == "B-LT" && ltaTs) lvl = "B-LTA";
  }
}

// The visual guard for every signature that later revisions came after: its revision rendered
// against the document now, outside the areas of the changes the rules allowed. A difference
// makes a certification signature's changes disallowed; for approval signatures and document
// timestamps it is reported beside the verdict.
void checkVisually(const FileBytes& bytes, SignatureList& sigs,
                   const std::vector<RevisionEnd>& revs, const VisualGuardOptions& opt) {
  std::vector<VisualQuestion> questions;
  std::vector<SignatureReport*> asked;
  for (auto& [s, r] : sigs) {
    if (r.coverage != Coverage::Revision || r.revision <= 0 ||
        static_cast<std::size_t>(r.revision) >= revs.size())
      continue;
    VisualQuestion q;
    q.signed_end = revs[static_cast<std::size_t>(r.revision) - 1].end_with_eol;
    for (auto& c : r.changes)
      if (c.allowed) q.allowed.insert(q.allowed.end(), c.areas.begin(), c.areas.end());
    questions.push_back(std::move(q));
    asked.push_back(&r);
  }
  auto answers = runVisualGuard(bytes, questions, opt);
  for (std::size_t i = 0; i < asked.size(); ++i) {
    SignatureReport& r = *asked[i];
    r.visual = std::move(answers[i]);
    if (!r.visual.differences.empty() && r.docmdp > 0) r.modifications = Modifications::Disallowed;
  }
}

// Objects qpdf had to work around while the revisions were read mean a damaged file: never
// valid, whatever the signatures say. Returns what was worked around (at most five).
std::vector<std::string> damageSeen(RevisionCache& cache) {
  std::vector<std::string> damage = cache.releasedWarnings;
  for (auto& [limit, entry] : cache.open)
    for (auto& w : entry.first->laterWarnings())
      if (damage.size() < 5) damage.push_back(w);
  return damage;
}

FileReport run(std::shared_ptr<const FileBytes> bytes, const VerifyOptions& opt) {
  FileReport rep;
  rep.file = bytes->name();
  Budget budget(opt.budget);
  std::string head;
  if (auto s = bytes->readAt(0, 1024, head); !s.ok()) return errorReport(rep, s.error());
  if (head.find("%PDF-") == std::string::npos)
    return errorReport(rep, Error::kyso(Errc::NotAPdf, "verifyPdf", rep.file));

  RevisionCache cache{bytes, budget, {}, {}};
  auto read = readRevisions(*bytes, opt, cache, rep);
  if (!read.ok()) return errorReport(rep, read.error());
  const Revisions& revisions = read->first;
  const auto& revs = revisions.ends;
  OpenRevision& cur = *read->second;
  rep.revisions = static_cast<int>(revs.size());

  auto found = findSignatures(cur, budget);
  if (!found.ok()) return errorReport(rep, found.error());
  if (found->size() > opt.max_signatures)
    return errorReport(rep, Error::kyso(Errc::PdfTooComplex, "verifyPdf", "too many signatures")
                                .because(Detail::Technical));
  if (revisions.trailing > 0)
    rep.notes.push_back(Finding::of(Problem::TrailingBytes, {std::to_string(revisions.trailing)}));
  if (revisions.markers && revisions.markers->byte_range_keys.size() > found->size())
    rep.notes.push_back(
        Finding::of(Problem::UnusedSignatureDictionaries,
                    {std::to_string(revisions.markers->byte_range_keys.size() - found->size())}));
  // A damaged ending over a document without a complete signed revision (a signed file cut
  // short, say) is unreadable, never "unsigned".
  if (found->empty() && revisions.damagedEnding) return errorReport(rep, *revisions.damagedEnding);
  if (found->empty()) {
    rep.status = FileStatus::Unsigned;
    rep.indication = Indication::Indeterminate;
    return rep;
  }
  rep.status = FileStatus::Signed;
  auto dss = readDss(cur);
  if (!dss.ok()) return errorReport(rep, dss.error());
  // A certification named by the catalog's /Perms whose own /Reference lacks the DocMDP entry.
  const auto [catalogP, certDict] = catalogDocMdp(cur);
  for (auto& s : *found)
    if (catalogP > 0 && s.dict_og == certDict && s.docmdp == 0) s.docmdp = catalogP;

  std::vector<std::pair<FoundSignature, SignatureReport>> sigs;
  for (auto& latest : *found)
    sigs.push_back(checkSignature(bytes, latest, revisions, cur, cache, budget, *dss, opt));
  std::stable_sort(sigs.begin(), sigs.end(),
                   [](auto& x, auto& y) { return x.second.signed_end < y.second.signed_end; });
  for (std::size_t i = 0; i < sigs.size(); ++i) sigs[i].second.index = static_cast<int>(i) + 1;
  if (auto st = analyseRevisions(sigs, revs, cache, budget); !st.ok())
    return errorReport(rep, st.error());
  // Bytes after the last complete revision (appended without a cross-reference section, or a
  // damaged one): what they change is unknown, so no signature covers the document as it is.
  if (revisions.trailing > 0)
    for (auto& [s, r] : sigs)
      if (r.coverage == Coverage::Revision) {
        r.coverage = Coverage::Partial;
        r.problems.push_back(Finding::of(Problem::BytesAppended));
      }
  checkVisually(*bytes, sigs, revs, opt.visual);
  const std::vector<std::string> damage = damageSeen(cache);
  for (auto& w : damage) rep.notes.push_back(Finding::of(Problem::DamagedObject, {w}));
  for (auto& [s, r] : sigs) {
    if (!damage.empty()) r.problems.push_back(Finding::of(Problem::DamagedDocument));
    judge(r);
  }
  raiseLevels(sigs, revs, cache, *dss);
  for (auto& [s, r] : sigs) {
    rep.indication = rep.signatures.empty() ? r.indication : worse(rep.indication, r.indication);
    rep.signatures.push_back(std::move(r));
  }
  return rep;
}

}  // namespace

FileReport verifyPdf(std::shared_ptr<const FileBytes> bytes, const VerifyOptions& opt) {
  try {
    return run(std::move(bytes), opt);
  } catch (const std::bad_alloc&) {
    FileReport r;
    return errorReport(
        r,
        Error::kyso(Errc::PdfTooComplex, "verifyPdf", "out of memory").because(Detail::Technical));
  } catch (const std::exception& e) {
    FileReport r;
    return errorReport(
        r, Error::kyso(Errc::PdfDamaged, "verifyPdf", e.what()).because(Detail::Technical));
  }
}

FileReport verifyPdfFile(const std::filesystem::path& path, const VerifyOptions& opt) {
  auto f = FileBytes::open(path);
  if (!f.ok()) {
    FileReport r;
    r.file = path.string();
    return errorReport(r, f.error());
  }
  auto rep = verifyPdf(*f, opt);
  rep.file = path.string();
  return rep;
}

}  // namespace kyso::pdfverify

#include "src/jobs/detached_sign_job.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <set>

#include "certs/chain.h"
#include "certs/trust_store.h"
#include "core/atomic_file.h"
#include "core/commit_pool.h"
#include "core/paths.h"
#include "src/cms/signed_data_template.h"
#include "src/jobs/signing_lanes.h"

namespace kyso::jobs {
namespace {
namespace fs = std::filesystem;

// The template a batch's CMS are encoded with once the signer's chain is fetched; not valid when
// the signing template holds everything already.
using EncodingTemplate = std::shared_future<Result<cms::SignedDataTemplate>>;

// Signs one file and stages its .p7s in a temporary file; the caller commits it. An output that
// exists already (without overwrite) is refused before the token signs anything: a batch run again
// over a folder must not spend a USB token's seconds on signatures it throws away. The signature
// is made through `tmpl`; the CMS is encoded with `encoding` when it is valid (waiting for it).
Result<AtomicFile> signOne(const cms::SignedDataTemplate& tmpl, const EncodingTemplate& encoding,
                           const SigningIdentity& id, const SignInput& item, bool overwrite) {
  std::error_code ec;
  if (!fs::is_regular_file(item.input, ec))
    return Error::kyso(Errc::FileNotFound, "sign", item.input.string());
  if (!overwrite && fs::exists(item.output, ec))
    return Error::kyso(Errc::FileExists, "open", item.output.string());
  KYSO_ASSIGN_OR_RETURN(auto digest,
                        cms::digestFile(item.input, cms::digestNid(tmpl.options().digest)));
  // A token failure comes back as the token's own Error (TokenRemoved, PinIncorrect..., CK_RV).
  KYSO_ASSIGN_OR_RETURN(cms::SignatureParts parts, cms::signPartsSlowly(tmpl, id, digest));
  const cms::SignedDataTemplate* encoder = &tmpl;
  if (encoding.valid()) {
    const Result<cms::SignedDataTemplate>& full = encoding.get();
    if (!full.ok()) return full.error();
    encoder = &*full;
  }
  const auto der = encoder->contentInfo(parts.signedAttrs, parts.signature, parts.timestampToken);
  KYSO_ASSIGN_OR_RETURN(auto file,
                        AtomicFile::create(item.output, overwrite ? AtomicFile::Overwrite::Allow
                                                                  : AtomicFile::Overwrite::Refuse));
  KYSO_TRY(file.write(std::as_bytes(std::span<const std::uint8_t>(der))));
  return file;
}

// One group of files signed together and then committed while the next group is signed.
struct Group {
  std::vector<std::future<Status>> commits;  // of the signed files, in input order
  std::vector<std::size_t> committed;        // their indexes
  std::vector<ItemResult> results;
};

}  // namespace

void completeChain(SigningIdentity& id, const certs::HttpOptions& http, bool offline,
                   const fs::path& issuerCache) {
  if (id.chain && sk_X509_num(id.chain.get()) > 0) return;
  if (!id.chain) id.chain.reset(sk_X509_new_null());
  auto store = certs::TrustStore::loadShipped();
  certs::TrustStore empty = certs::TrustStore::empty();
  certs::HttpOptions h = http;
  h.offline = offline;
  const fs::path cache = issuerCache.empty() ? dataDir() / "cache" / "issuers" : issuerCache;
  certs::ChainBuilder builder(store.ok() ? *store : empty,
                              certs::ChainOptions{h, cache, 8, nullptr});
  auto chain = builder.buildSlowly(id.cert.get(), nullptr, std::chrono::system_clock::now(),
                                   certs::Purpose::Any);
  if (!chain.ok()) return;
  for (std::size_t i = 1; i < chain->certs.size(); ++i) {
    X509* c = chain->certs[i].get();
    if (X509_check_issued(c, c) == X509_V_OK) continue;  // roots are not included
    X509_up_ref(c);
    sk_X509_push(id.chain.get(), c);
  }
}

Result<BatchSummary> DetachedSignJob::run(const std::vector<SignInput>& items, SigningKey key,
                                          const DetachedSignSettings& settings,
                                          BatchObserver& observer) {
  cms::SignOptions opt = settings.cms;
  SigningIdentity& id = key.identity;
  if (EVP_PKEY_is_a(id.key.get(), "ED25519")) opt.digest = cms::DigestAlg::Sha512;  // RFC 8419
  if (EVP_PKEY_is_a(id.key.get(), "ED448")) opt.digest = cms::DigestAlg::Shake256;
  // Everything but the digest, the time and the signature is the same for every file.
  KYSO_ASSIGN_OR_RETURN(auto tmpl, cms::SignedDataTemplate::make(id, opt));
  // Tokens usually hold only the signer's certificate: its issuers are fetched (AIA, one request
  // after another up the chain) while the token signs the first files, whose signed attributes
  // name the signer's certificate only; every CMS is encoded with the chain once it is there
  // (issue 22: the fetches came before the first signature, 0.4 s at 200 ms a request).
  EncodingTemplate encoding;
  if (opt.includeChain && !(id.chain && sk_X509_num(id.chain.get()) > 0)) {
    encoding =
        std::async(std::launch::async, [forChain = id.shared(), opt, offline = settings.offline,
                                        cache = settings.issuerCache]() mutable {
          completeChain(forChain, opt.http, offline, cache);
          return cms::SignedDataTemplate::make(forChain, opt);
        }).share();
  }
  const std::string level = opt.tsaUrl ? "B-T" : "B-B";
  SigningLanes lanes(std::move(id), key.token ? key.token->worker() : nullptr);
  if (items.size() > 1) {
    const std::size_t wanted = std::min(std::max<std::size_t>(settings.lanes, 1), items.size());
    if (key.token)
      lanes.addTokenLanes(*key.token, wanted);
    else
      lanes.addSharedKeyLanes(wanted);
  }

  BatchSummary summary;
  std::vector<bool> reported(items.size(), false);
  auto report = [&](ItemResult r) {
    reported[r.index] = true;
    if (r.state == ItemResult::State::Failed && r.error && stopsBatch(*r.error) &&
        !summary.stoppedBy)
      summary.stoppedBy = r.error;
    summary.add(r);
    observer.finished(r);
  };
  auto resultFor = [&](std::size_t i) {
    ItemResult r;
    r.index = i;
    r.input = items[i].input;
    r.output = items[i].output;
    return r;
  };
  std::set<fs::path> committedDirs;  // fsynced once at the end
  auto finish = [&](Group& g) {
    for (std::size_t j = 0; j < g.commits.size(); ++j) {
      Status st = g.commits[j].get();
      ItemResult r = resultFor(g.committed[j]);
      if (st.ok()) {
        committedDirs.insert(r.output.parent_path());
        r.state = ItemResult::State::Done;
        r.level = level;
      } else {
        r.state = ItemResult::State::Failed;
        r.error = st.error();
      }
      g.results.push_back(std::move(r));
    }
    std::sort(g.results.begin(), g.results.end(),
              [](const ItemResult& x, const ItemResult& y) { return x.index < y.index; });
    for (auto& r : g.results) report(std::move(r));
  };

  // Groups of 32, pipelined: while earlier groups' outputs are committed on the pool, the next is
  // signed; up to kMaxCommitting groups flush at once, so a slow disk does not hold the token up.
  // Within a group every lane takes the next file in turn. Results are reported in input order.
  constexpr std::size_t kGroup = 32;
  constexpr std::size_t kMaxCommitting = 4;
  CommitPool pool;
  std::deque<std::unique_ptr<Group>> committing;
  auto finishOldest = [&] {
    std::unique_ptr<Group> g = std::move(committing.front());
    committing.pop_front();
    finish(*g);
  };
  std::atomic<bool> halt{false};
  for (std::size_t first = 0; first < items.size() && !halt; first += kGroup) {
    const std::size_t last = std::min(items.size(), first + kGroup);
    std::vector<std::optional<Result<AtomicFile>>> signedFiles(last - first);
    std::vector<char> skipped(last - first, 0);  // output there already (skipExisting)
    std::atomic<std::size_t> next{first};
    auto signSome = [&](const SigningIdentity& laneId) {
      for (std::size_t i = next++; i < last && !halt; i = next++) {
        if (observer.cancelRequested()) {
          halt = true;
          break;
        }
        std::error_code ec;
        if (settings.skipExisting && fs::exists(items[i].output, ec)) {
          skipped[i - first] = 1;
          continue;
        }
        observer.started(i, items.size());
        auto r =
            signOne(tmpl, encoding, laneId, items[i], settings.overwrite || items[i].overwrite);
        if (!r.ok() && stopsBatch(r.error())) halt = true;
        signedFiles[i - first].emplace(std::move(r));
      }
    };
    lanes.run(signSome);
    auto g = std::make_unique<Group>();
    for (std::size_t i = first; i < last; ++i) {
      auto& r = signedFiles[i - first];
      if (skipped[i - first]) {
        ItemResult res = resultFor(i);
        res.state = ItemResult::State::Skipped;
        g->results.push_back(std::move(res));
        continue;
      }
      if (!r) continue;  // not attempted: the batch stopped
      if (r->ok()) {
        g->commits.push_back(pool.commit(std::move(**r)));
        g->committed.push_back(i);
      } else {
        ItemResult res = resultFor(i);
        res.state = ItemResult::State::Failed;
        res.error = r->error();
        g->results.push_back(std::move(res));
      }
    }
    committing.push_back(std::move(g));
    while (committing.size() > kMaxCommitting) finishOldest();
  }
  while (!committing.empty()) finishOldest();
  summary.cancelled = halt && !summary.stoppedBy;
  // Files after a stop are never started: each is reported, so nobody thinks them signed.
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!reported[i]) report(resultFor(i));
  for (const auto& dir : committedDirs)
    if (auto st = syncDirectory(dir); !st.ok()) summary.flushErrors.push_back(st.error());
  return summary;
}

}  // namespace kyso::jobs

// SigningLanes: the identities a batch of signatures is made with at the same time, each with the
// thread it runs on. A USB token signs one signature at a time, so it has one lane; a software
// token or an HSM signs as many at once as it has sessions and the machine has cores, so a batch
// opens one session per lane (sharing the one login; OpenToken::signingLanes decides how many).
//
//   SigningLanes lanes(std::move(id), token.worker());       // the first lane
//   lanes.addTokenLanes(token, 4);                           // up to 3 more, where allowed
//   lanes.run([&](const SigningIdentity& id) { ... sign files taken from a shared counter ... });
//
// run() calls the function once per lane, all at once, each on the lane's device thread (so the
// token calls inside run inline, with no hand-off per signature), and returns when all returned.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "core/signing_identity.h"
#include "pkcs11/open_token.h"

namespace kyso::jobs {

class SigningLanes {
 public:
  /// The first lane: `id` on `worker` (null for a key file: run() then uses a plain thread).
  SigningLanes(SigningIdentity id, std::shared_ptr<p11::DeviceWorker> worker);
  ~SigningLanes();
  SigningLanes(const SigningLanes&) = delete;
  SigningLanes& operator=(const SigningLanes&) = delete;

  /// Opens more sessions on `token` for the key it selected until there are `wanted` lanes or the
  /// token allows no more. A session that cannot be opened ends the widening (logged); the
  /// lanes already open keep working. The first lane's chain is given to every new lane.
  void addTokenLanes(p11::OpenToken& token, std::size_t wanted);
  /// For a key held in memory (a key file): `wanted` lanes sharing the one EVP_PKEY (OpenSSL
  /// signs with one key from several threads at once).
  void addSharedKeyLanes(std::size_t wanted);

  std::size_t size() const { return m_lanes.size(); }
  const SigningIdentity& primary() const { return m_lanes.front().identity; }

  /// Runs `fn` once per lane, concurrently, and waits for all. An exception from `fn` is
  /// rethrown after every lane has finished.
  void run(const std::function<void(const SigningIdentity&)>& fn);

 private:
  std::vector<p11::SigningLane> m_lanes;
};

/// The default number of lanes: the machine's cores, at least 2 and at most 8.
std::size_t defaultSigningLanes();

}  // namespace kyso::jobs

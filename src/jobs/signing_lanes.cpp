#include "src/jobs/signing_lanes.h"

#include <algorithm>
#include <exception>
#include <future>
#include <thread>

#include "core/log.h"

namespace kyso::jobs {

SigningLanes::SigningLanes(SigningIdentity id, std::shared_ptr<p11::DeviceWorker> worker) {
  m_lanes.push_back(p11::SigningLane{std::move(id), std::move(worker)});
}

SigningLanes::~SigningLanes() {
  // Later lanes first: their sessions close before the first one's.
  while (!m_lanes.empty()) m_lanes.pop_back();
}

void SigningLanes::addTokenLanes(p11::OpenToken& token, std::size_t wanted) {
  const std::size_t allowed = token.signingLanes(wanted);
  while (m_lanes.size() < allowed) {
    auto lane = token.openSigningLane();
    if (!lane.ok()) {
      log::info("signing: no further token session (" + lane.error().technical() +
                "); signing with " + std::to_string(m_lanes.size()));
      return;
    }
    lane->identity.chain.reset(X509_chain_up_ref(primary().chain.get()));
    m_lanes.push_back(std::move(*lane));
  }
}

void SigningLanes::addSharedKeyLanes(std::size_t wanted) {
  while (m_lanes.size() < wanted) m_lanes.push_back(p11::SigningLane{primary().shared(), {}});
}

void SigningLanes::run(const std::function<void(const SigningIdentity&)>& fn) {
  std::vector<std::future<void>> running;
  running.reserve(m_lanes.size());
  for (auto& lane : m_lanes) {
    const SigningIdentity* id = &lane.identity;
    auto job = [&fn, id] { fn(*id); };
    if (lane.worker)
      running.push_back(lane.worker->post(job));
    else
      running.push_back(std::async(std::launch::async, job));
  }
  std::exception_ptr first;
  for (auto& r : running) {
    try {
      r.get();
    } catch (...) {
      if (!first) first = std::current_exception();
    }
  }
  if (first) std::rethrow_exception(first);
}

std::size_t defaultSigningLanes() {
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 2, 8);
}

}  // namespace kyso::jobs

// `kyso token watch`: PC/SC reader and card events as JSON lines, until interrupted (or --count
// events / --timeout seconds). With --module, each card event is followed by a "tokens" line: the
// token view re-read from PKCS#11.
#include <csignal>
#include <cstdio>
#include <mutex>

#include "core/messages.h"
#include "pkcs11/pcsc_monitor.h"
#include "pkcs11/token_info.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/token_commands.h"
#include "src/cli/kyso/token_options.h"

namespace kyso::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;
void onSignal(int) {
  g_interrupted = 1;
}

}  // namespace

int runTokenWatch(const Args& args) {
  ArgParser p;
  p.usage(
      {"usage: kyso token watch [--module M] [--count N] [--timeout SECONDS] [--retry SECONDS]\n"
       "Prints PC/SC reader and card events as JSON lines (reader-added, card-inserted, ...);\n"
       "with --module also the tokens that module sees after each card event.\n"
       "Example: kyso token watch --module viettel --timeout 60\n",
       "cách dùng: kyso token watch [--module M] [--count N] [--timeout GIÂY] [--retry GIÂY]\n"
       "In các sự kiện đầu đọc và thẻ PC/SC, mỗi dòng một JSON (reader-added, card-inserted,\n"
       "...); với --module còn in các token mô-đun đó thấy sau mỗi lần cắm/rút thẻ.\n"
       "Ví dụ: kyso token watch --module viettel --timeout 60\n"});
  p.value("module", 0,
          {"also re-read tokens from this PKCS#11 module after card events",
           "đọc lại token từ mô-đun PKCS#11 này sau mỗi lần cắm/rút thẻ"})
      .value("count", 0, {"stop after this many events", "dừng sau chừng ấy sự kiện"})
      .value("timeout", 0, {"stop after this many seconds", "dừng sau chừng ấy giây"})
      .value("retry", 0,
             {"seconds between retries while pcscd is not running (default 2)",
              "số giây giữa các lần thử lại khi pcscd chưa chạy (mặc định 2)"})
      .flag("json", 0,
            {"JSON lines (the only format; accepted for symmetry)",
             "mỗi dòng một JSON (định dạng duy nhất; nhận cho đồng bộ với các lệnh khác)"});
  if (auto st = p.parse(args); !st.ok()) {
    printError("", st.error());
    return kExitUsage;
  }
  long maxEvents = std::atol(p.getOr("count", "0").c_str());
  double timeout = std::atof(p.getOr("timeout", "0").c_str());
  double retry = std::atof(p.getOr("retry", "2").c_str());
  std::string module = p.getOr("module", "");
  std::mutex mu;
  std::condition_variable cv;
  long seen = 0;
  p11::DeviceWorker worker;

  auto emit = [&](const Json& j) {
    std::lock_guard lk(mu);
    std::printf("%s\n", j.dump().c_str());
    std::fflush(stdout);
  };
  p11::PcscMonitor mon(
      [&](const p11::ReaderEvent& e) {
        emit(e.toJson());
        if (!module.empty() && (e.kind == p11::ReaderEvent::Kind::CardInserted ||
                                e.kind == p11::ReaderEvent::Kind::CardRemoved)) {
          // Refresh on the device worker; a fresh load sees readers the module had not seen.
          (void)worker.post([&emit, module] {
            Json j = Json::object();
            j.set("event", "tokens");
            auto m = p11::Module::load(module);
            auto slots =
                m.ok() ? p11::listSlots(**m, true) : Result<std::vector<p11::SlotView>>(m.error());
            if (!slots.ok()) {
              j.set("error", describe(slots.error()));
            } else {
              Json a = Json::array();
              for (auto& s : *slots) a.push(s.toJson());
              j.set("slots", std::move(a));
            }
            emit(j);
          });
        }
        std::lock_guard lk(mu);
        ++seen;
        cv.notify_all();
      },
      std::chrono::milliseconds(static_cast<long>((retry > 0 ? retry : 2) * 1000)));
  std::signal(SIGINT, onSignal);
  std::signal(SIGTERM, onSignal);
  mon.start();
  auto start = std::chrono::steady_clock::now();
  {
    std::unique_lock lk(mu);
    while (!g_interrupted) {
      if (maxEvents > 0 && seen >= maxEvents) break;
      if (timeout > 0 &&
          std::chrono::steady_clock::now() - start > std::chrono::duration<double>(timeout))
        break;
      cv.wait_for(lk, std::chrono::milliseconds(100));
    }
  }
  mon.stop();
  return kExitOk;
}

}  // namespace kyso::cli

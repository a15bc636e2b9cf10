// Where a PDF batch's time goes, per file and per stage, without the token: the CPU time of each
// step of signing a file, measured on one thread (issue 22). A batch opens each file twice, for
// the check before the PIN and for its signature; the second open costs about as much as stage 1
// without the walk. The signature is a fixed 3 KB placeholder DER, so what is left is kyso's own
// work around the token's.
//
//   bench_pdf_stages OUT_DIR A.pdf B.pdf ...
// prints one line per stage: "stage <name>: <microseconds per file> us/file".
#include <time.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "src/pdf/active_content.h"
#include "src/pdf/pdf_document.h"
#include "src/pdf/revision_writer.h"
#include "src/pdf/signature_update.h"

namespace {

double cpuMicros() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

// A DER SEQUENCE of 3000 bytes: what the placeholder holds, sized like an RSA-2048 CMS.
class FixedContents : public kyso::pdf::ContentsMaker {
 public:
  std::size_t estimatedSize() override { return 3004; }
  kyso::Result<std::vector<unsigned char>> make(std::span<const unsigned char>) override {
    std::vector<unsigned char> der(3004, 0x01);
    der[0] = 0x30;
    der[1] = 0x82;
    der[2] = 3000 >> 8;
    der[3] = 3000 & 0xff;
    return der;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bench_pdf_stages OUT_DIR A.pdf ...\n");
    return 2;
  }
  namespace fs = std::filesystem;
  const fs::path outDir = argv[1];
  fs::create_directories(outDir);
  std::map<std::string, double> total;
  std::vector<std::string> order = {"1 open", "2 active-content walk", "3 write to temporary",
                                    "4 signature revision", "5 commit"};
  FixedContents maker;
  int files = 0;
  for (int i = 2; i < argc; ++i) {
    const fs::path in = argv[i];
    const fs::path out = outDir / in.filename();
    fs::remove(out);
    double t = cpuMicros();
    auto lap = [&](const std::string& name) {
      const double now = cpuMicros();
      total[name] += now - t;
      t = now;
    };
    auto doc = kyso::pdf::PdfDocument::open(in);
    lap(order[0]);
    if (!doc.ok()) continue;
    (void)kyso::pdf::findActiveContent(**doc);
    lap(order[1]);
    // As a batch does it (pades.h): a document read into memory is written from its bytes.
    auto w = (*doc)->bytes().empty()
                 ? kyso::pdf::RevisionWriter::start(in, out, kyso::AtomicFile::Overwrite::Allow)
                 : kyso::pdf::RevisionWriter::startWith((*doc)->bytes(), out,
                                                        kyso::AtomicFile::Overwrite::Allow);
    lap(order[2]);
    if (!w.ok()) continue;
    kyso::pdf::SignatureOptions opts;
    auto rev = kyso::pdf::appendSignature(*w, **doc, opts, maker);
    lap(order[3]);
    if (!rev.ok() || !w->commit().ok()) continue;
    lap(order[4]);
    ++files;
  }
  if (files == 0) return 1;
  for (const auto& name : order)
    std::printf("stage %s: %.0f us/file\n", name.c_str(), total[name] / files);
  return 0;
}

// Where `kyso demo` keeps what it makes, under one folder (by default kyso's data folder's demo/),
// so that the CLI's demo, which makes the files, and the GUI's --demo, which opens them, name the
// same files. Paths only: nothing here reads or writes.
#pragma once

#include <filesystem>
#include <vector>

namespace kyso::jobs {

struct DemoFiles {
  explicit DemoFiles(std::filesystem::path d) : dir(std::move(d)) {}
  /// dataDir() / "demo".
  static std::filesystem::path defaultDir();

  std::filesystem::path dir;
  std::filesystem::path log = dir / "demo.log";
  std::filesystem::path pki = dir / "pki";  // the demo CA (tests/pki/make-pki.sh)
  std::filesystem::path tokens = dir / "softhsm-tokens";
  std::filesystem::path conf = dir / "softhsm2.conf";           // SOFTHSM2_CONF for the demo token
  std::filesystem::path initPins = dir / "demo-init-pins.txt";  // SO PIN, then user PIN
  std::filesystem::path userPin = dir / "demo-pin.txt";
  std::filesystem::path csr = dir / "signer.csr";
  std::filesystem::path cert = dir / "signer-chain.pem";
  std::filesystem::path db = dir / "inventory.sqlite";
  std::filesystem::path guiSettings = dir / "kyso-gui.ini";  // the GUI's settings under --demo
  // The letter as the clerk prints it for approval (number and date blank), approved by the
  // leader, then issued by the clerk (number, date and the unit's seal).
  std::filesystem::path letterPdf = dir / "cong-van-286-SYT-VP.pdf";
  std::filesystem::path handwriting = dir / "chu-ky-nguyen-nam-hung.png";
  std::filesystem::path seal = dir / "dau-so-y-te.png";
  std::filesystem::path approvedPdf = dir / "cong-van-286-SYT-VP.approved.pdf";
  std::filesystem::path signedPdf = dir / "cong-van-286-SYT-VP.signed.pdf";
  std::filesystem::path report = dir / "cong-van-286-SYT-VP.report.html";

  std::filesystem::path trustAnchor() const { return pki / "root.pem"; }
  std::vector<std::filesystem::path> crls() const {
    return {pki / "gov-ca.crl.pem", pki / "root.crl.pem"};
  }
};

}  // namespace kyso::jobs

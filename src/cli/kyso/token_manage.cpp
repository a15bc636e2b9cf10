// `kyso token` management: self-test, change-pin, unblock, change-so-pin, init, keygen, csr,
// import-cert, delete. Destructive commands name the token and ask for confirmation on the
// terminal unless --yes is given.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "core/atomic_file.h"
#include "core/messages.h"
#include "pkcs11/csr.h"
#include "pkcs11/management.h"
#include "src/cli/kyso/common_help.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/token_commands.h"
#include "src/cli/kyso/token_options.h"
#include "src/cli/kyso/words.h"

namespace kyso::cli {
namespace {

bool parseOrUsage(ArgParser& p, const Args& args) {
  if (auto st = p.parse(args); !st.ok()) {
    printError("", st.error());
    return false;
  }
  return true;
}

int fail(const std::string& what, const Error& e) {
  printError(what, e);
  return exitCodeFor(e);
}

// Asks the person to type `expected` on the terminal; --yes skips it.
Status confirm(const ArgParser& p, const std::string& question, const std::string& expected) {
  if (p.has("yes")) return okStatus();
  int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
  if (fd < 0) return Error::kyso(Errc::ConfirmationRequired, "confirm", expected);
  std::string q = question + "\nType \"" + expected + "\" to confirm: ";
  ssize_t ignored = ::write(fd, q.data(), q.size());
  (void)ignored;
  std::string answer;
  char c;
  while (::read(fd, &c, 1) == 1 && c != '\n') answer += c;
  ::close(fd);
  if (answer != expected) return Error::kyso(Errc::Cancelled, "confirm");
  return okStatus();
}

void printJsonOk(const ArgParser& p, Json j) {
  if (p.has("json")) std::printf("%s\n", j.dump(2).c_str());
}

}  // namespace

int runTokenSelfTest(const Args& args) {
  ArgParser p;
  p.usage(
      {"usage: kyso token self-test [--module M] [--token T] [--json]\n"
       "Signs a test message with every signing key on the token (one login) and checks each\n"
       "signature with the key's public half.\n"
       "Example: kyso token self-test --module viettel\n",
       "cách dùng: kyso token self-test [--module M] [--token T] [--json]\n"
       "Ký thử một thông điệp bằng mọi khóa ký trên token (đăng nhập một lần) và kiểm tra\n"
       "từng chữ ký bằng khóa công khai tương ứng.\n"
       "Ví dụ: kyso token self-test --module viettel\n"});
  addTokenOptions(p);
  p.flag("json", 0, kJsonHelp);
  if (!parseOrUsage(p, args)) return kExitUsage;
  auto tok = openSelectedToken(p);
  if (!tok.ok()) return fail("Opening the token failed", tok.error());
  auto& ot = (*tok)->token();
  auto pairs = ot.keyPairs();
  if (!pairs.ok()) return fail("Reading the token failed", pairs.error());
  const std::string msg = "kyso self-test: ký thử / test signature";
  std::span<const std::uint8_t> data(reinterpret_cast<const std::uint8_t*>(msg.data()), msg.size());
  Json results = Json::array();
  int failed = 0, tested = 0;
  for (auto& kp : *pairs) {
    if (!kp.key || !kp.key->canSign) continue;
    ++tested;
    Json r = Json::object();
    r.set("id", p11::hexId(kp.id));
    r.set("key", kp.key->typeName());
    auto key = std::make_shared<p11::TokenKey>(ot.tokenSession(), *kp.key);
    p11::SignScheme scheme =
        kp.key->type == CKK_EC ? p11::SignScheme::Ecdsa : p11::SignScheme::RsaPkcs1;
    Status st = ot.call([&](p11::TokenSession& ts) -> Status {
      KYSO_ASSIGN_OR_RETURN(auto pub, p11::publicKeyFor(ts.session(), *kp.key));
      r.set("mechanism", p11::mechanismName(key->mechanismFor(scheme, p11::HashAlg::Sha256, true)));
      KYSO_ASSIGN_OR_RETURN(auto sig, key->signData(scheme, p11::HashAlg::Sha256, data));
      ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
      if (EVP_DigestVerifyInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, pub.get(),
                                  nullptr) != 1 ||
          EVP_DigestVerify(ctx.get(), sig.data(), sig.size(), data.data(), data.size()) != 1)
        return Error::openssl("EVP_DigestVerify: the token's signature does not verify", {},
                              Errc::CmsSignatureInvalid);
      return okStatus();
    });
    r.set("ok", st.ok());
    if (!st.ok()) {
      ++failed;
      r.set("error", describe(st.error()));
    }
    if (!p.has("json"))
      std::printf("ID %s %s: %s\n", p11::hexId(kp.id).c_str(), kp.key->typeName().c_str(),
                  st.ok() ? "signed and verified" : describe(st.error()).c_str());
    results.push(std::move(r));
  }
  if (tested == 0) return fail("Self-test", Error::kyso(Errc::KeyNotFound, "self-test"));
  Json j = Json::object();
  j.set("token", ot.token().toJson());
  j.set("keys", std::move(results));
  j.set("ok", failed == 0);
  printJsonOk(p, std::move(j));
  return failed ? kExitTokenError : kExitOk;
}

int runTokenPin(const std::string& which, const Args& args) {
  ArgParser p;
  p.usage(
      {"usage: kyso token change-pin | change-so-pin | unblock [--module M] [--token T] "
       "[--pin-stdin]\n"
       "change-pin asks the current and the new user PIN; change-so-pin the same for the\n"
       "security officer (SO) PIN; unblock asks the SO PIN and sets a new user PIN. With\n"
       "--pin-stdin the PINs are read one per line in that order. No PIN is ever an option.\n"
       "Example: printf '123456\\n654321\\n' | kyso token change-pin --pin-stdin\n",
       "cách dùng: kyso token change-pin | change-so-pin | unblock [--module M] [--token T] "
       "[--pin-stdin]\n"
       "change-pin hỏi PIN người dùng hiện tại và PIN mới; change-so-pin làm như vậy với PIN\n"
       "quản trị (SO PIN); unblock hỏi SO PIN rồi đặt PIN người dùng mới. Với --pin-stdin,\n"
       "các PIN được đọc mỗi dòng một PIN theo thứ tự đó. Không bao giờ nhập PIN trên dòng "
       "lệnh.\n"
       "Ví dụ: printf '123456\\n654321\\n' | kyso token change-pin --pin-stdin\n"});
  addTokenOptions(p);
  p.flag("json", 0, kJsonHelp);
  if (!parseOrUsage(p, args)) return kExitUsage;
  p11::OpenOptions opt;
  opt.login = false;
  opt.readWrite = true;
  auto tok = openSelectedToken(p, opt);
  if (!tok.ok()) return fail("Opening the token failed", tok.error());
  auto& prompt = (*tok)->prompt();
  bool force = p.has("force");
  Status st = (*tok)->token().call([&](p11::TokenSession& ts) -> Status {
    if (which == "change-pin") return p11::changeUserPin(ts.session(), prompt, force);
    if (which == "unblock") return p11::unblockUserPin(ts.session(), prompt, force);
    return p11::changeSoPin(ts.session(), prompt, force);
  });
  std::string what = which == "change-pin" ? "Changing the PIN failed"
                     : which == "unblock"  ? "Unblocking the PIN failed"
                                           : "Changing the SO PIN failed";
  if (!st.ok()) return fail(what, st.error());
  Json j = Json::object();
  j.set("ok", true);
  j.set("command", which);
  printJsonOk(p, std::move(j));
  if (!p.has("json"))
    std::printf("%s\n", std::string(errcSentence(Errc::Ok, defaultLang())).c_str());
  return kExitOk;
}

int runTokenInit(const Args& args) {
  ArgParser p;
  p.usage(
      {"usage: kyso token init --slot ID --label LABEL [--yes] [--module M]\n"
       "Initialises the token in slot ID: erases every object on it, asks the SO PIN and a\n"
       "new user PIN. Asks for confirmation unless --yes. Slot ids: kyso token list --all.\n"
       "Example: kyso token init --module softhsm --slot 0 --label \"Văn thư\"\n",
       "cách dùng: kyso token init --slot ID --label NHÃN [--yes] [--module M]\n"
       "Khởi tạo token ở khe ID: xóa mọi đối tượng trên token, hỏi SO PIN và PIN người dùng\n"
       "mới. Hỏi xác nhận trừ khi có --yes. Số hiệu khe: kyso token list --all.\n"
       "Ví dụ: kyso token init --module softhsm --slot 0 --label \"Văn thư\"\n"});
  addTokenOptions(p);
  p.value("slot", 0,
          {"the slot id of the token to initialise (see `kyso token list --all`)",
           "số hiệu khe của token cần khởi tạo (xem `kyso token list --all`)"})
      .value("label", 0, {"the new token label", "nhãn mới của token"})
      .flag("yes", 0, kYesHelp)
      .flag("json", 0, kJsonHelp);
  if (!parseOrUsage(p, args)) return kExitUsage;
  auto label = p.get("label");
  if (!label || label->empty() || label->size() > 32)
    return fail("",
                Error::kyso(Errc::UsageError, "init",
                            say("--label (1..32 bytes) is required", "cần --label (1..32 byte)")));
  auto prompt = CliPinPrompt::fromOptions(p);
  if (!prompt.ok()) return fail("", prompt.error());
  auto sel = tokenSelectorFrom(p);
  p11::DeviceWorker worker;
  Status st = worker.call([&]() -> Status {
    KYSO_ASSIGN_OR_RETURN(auto m, p11::Module::load(sel.module));
    KYSO_ASSIGN_OR_RETURN(auto slots, p11::listSlots(*m, true));
    std::optional<CK_SLOT_ID> slot;
    if (auto s = p.get("slot")) {
      try {
        slot = std::stoul(*s);
      } catch (...) {
        return Error::kyso(Errc::UsageError, "init", "--slot " + *s);
      }
    } else if (!sel.token.empty()) {
      KYSO_ASSIGN_OR_RETURN(CK_SLOT_ID id, p11::selectSlot(slots, sel, std::nullopt));
      slot = id;
    } else {
      return Error::kyso(Errc::UsageError, "init",
                         say("name the token with --token or --slot",
                             "hãy chỉ ra token bằng --token hoặc --slot"));
    }
    const p11::SlotView* sv = nullptr;
    for (auto& s : slots)
      if (s.id == *slot) sv = &s;
    if (!sv || !sv->token) return Error::kyso(Errc::TokenNotFound, "init", std::to_string(*slot));
    std::string name = sv->token->has(CKF_TOKEN_INITIALIZED) ? sv->token->label : *label;
    KYSO_TRY(confirm(p,
                     "This erases every key and certificate on the token \"" + sv->token->label +
                         "\" (serial " + sv->token->serial + ").",
                     name));
    return p11::initToken(m, *slot, *label, **prompt);
  });
  if (!st.ok()) return fail("Initialising the token failed", st.error());
  Json j = Json::object();
  j.set("ok", true);
  j.set("label", *label);
  printJsonOk(p, std::move(j));
  return kExitOk;
}

int runTokenKeygen(const Args& args) {
  ArgParser p;
  p.usage(
      {"usage: kyso token keygen --type TYPE --id HEX [--label LABEL] [--module M] [--token T]\n"
       "Makes a key pair on the token; the private key never leaves it.\n"
       "TYPE: rsa:2048 (default), rsa:3072, rsa:4096, ec:P-256 or ec:P-384.\n"
       "Example: kyso token keygen --type ec:P-256 --id 02 --label \"Nguyễn Văn A\"\n",
       "cách dùng: kyso token keygen --type LOẠI --id HEX [--label NHÃN] [--module M] "
       "[--token T]\n"
       "Sinh cặp khóa trên token; khóa bí mật không bao giờ rời khỏi token.\n"
       "LOẠI: rsa:2048 (mặc định), rsa:3072, rsa:4096, ec:P-256 hoặc ec:P-384.\n"
       "Ví dụ: kyso token keygen --type ec:P-256 --id 02 --label \"Nguyễn Văn A\"\n"});
  addTokenOptions(p);
  p.value("type", 0,
          {"rsa:2048 (default), rsa:3072, rsa:4096, ec:P-256 or ec:P-384",
           "rsa:2048 (mặc định), rsa:3072, rsa:4096, ec:P-256 hoặc ec:P-384"})
      .value("id", 0, {"the new key's CKA_ID in hex", "CKA_ID của khóa mới, dạng hex"})
      .value("label", 0, {"the new key's label", "nhãn của khóa mới"})
      .flag("json", 0, kJsonHelp);
  if (!parseOrUsage(p, args)) return kExitUsage;
  p11::KeyGenSpec spec;
  std::string type = p.getOr("type", "rsa:2048");
  if (type.rfind("rsa:", 0) == 0) {
    spec.type = p11::KeyGenSpec::Type::Rsa;
    spec.rsaBits = std::atoi(type.c_str() + 4);
  } else if (type.rfind("ec:", 0) == 0) {
    spec.type = p11::KeyGenSpec::Type::Ec;
    spec.curve = type.substr(3);
  } else {
    return fail("", Error::kyso(Errc::UsageError, "keygen", "--type " + type));
  }
  auto id = p11::parseHexId(p.getOr("id", ""));
  if (!id)
    return fail(
        "", Error::kyso(Errc::UsageError, "keygen", say("--id HEX is required", "cần --id HEX")));
  spec.id = *id;
  spec.label = p.getOr("label", "kyso key " + p11::hexId(*id));
  p11::OpenOptions opt;
  opt.readWrite = true;
  auto tok = openSelectedToken(p, opt);
  if (!tok.ok()) return fail("Opening the token failed", tok.error());
  auto key = (*tok)->token().call([&](p11::TokenSession& ts) -> Result<p11::KeyView> {
    CK_BYTE* idp = spec.id.data();
    KYSO_ASSIGN_OR_RETURN(auto existing,
                          p11::findObjects(ts.session(), {{CKA_ID, idp, spec.id.size()}}));
    if (!existing.empty())
      return Error::kyso(Errc::FileExists, "keygen",
                         say("an object with this ID exists", "đã có đối tượng mang ID này"));
    return p11::generateKeyPair(ts.session(), spec);
  });
  if (!key.ok()) return fail("Generating the key failed", key.error());
  Json j = Json::object();
  j.set("id", p11::hexId(key->id));
  j.set("label", key->label);
  j.set("type", key->typeName());
  if (p.has("json"))
    printJsonOk(p, std::move(j));
  else
    std::printf("Generated %s, ID %s, label \"%s\"\n", key->typeName().c_str(),
                p11::hexId(key->id).c_str(), key->label.c_str());
  return kExitOk;
}

int runTokenCsr(const Args& args) {
  ArgParser p;
  p.usage(
      {"usage: kyso token csr --key ID|LABEL --subject DN [-o FILE] [--hash sha256|sha384|sha512]\n"
       "Makes a PKCS#10 certificate request signed by the key on the token (PEM; standard\n"
       "output without -o). The subject is UTF-8.\n"
       "Example: kyso token csr --key 02 --subject \"/C=VN/O=Sở Y tế/CN=Nguyễn Văn A\" -o "
       "a.csr\n",
       "cách dùng: kyso token csr --key ID|NHÃN --subject DN [-o TỆP] "
       "[--hash sha256|sha384|sha512]\n"
       "Tạo yêu cầu cấp chứng thư số PKCS#10 do khóa trên token ký (dạng PEM; in ra đầu ra\n"
       "chuẩn khi không có -o). Tên chủ thể viết bằng UTF-8.\n"
       "Ví dụ: kyso token csr --key 02 --subject \"/C=VN/O=Sở Y tế/CN=Nguyễn Văn A\" -o "
       "a.csr\n"});
  addTokenOptions(p);
  p.value(
       "subject", 0,
       {"'/C=VN/O=Sở Y tế/CN=Nguyễn Văn A' (UTF-8)", "'/C=VN/O=Sở Y tế/CN=Nguyễn Văn A' (UTF-8)"})
      .value("out", 'o',
             {"write the PEM request here (default: standard output)",
              "ghi yêu cầu PEM vào tệp này (mặc định: đầu ra chuẩn)"})
      .value("hash", 0,
             {"sha256 (default), sha384 or sha512", "sha256 (mặc định), sha384 hoặc sha512"});
  if (!parseOrUsage(p, args)) return kExitUsage;
  auto subject = p11::parseSubject(p.getOr("subject", ""));
  if (!subject.ok()) return fail("", subject.error());
  std::string h = p.getOr("hash", "sha256");
  p11::HashAlg hash = h == "sha384"   ? p11::HashAlg::Sha384
                      : h == "sha512" ? p11::HashAlg::Sha512
                                      : p11::HashAlg::Sha256;
  auto tok = openSelectedToken(p);
  if (!tok.ok()) return fail("Opening the token failed", tok.error());
  auto key = (*tok)->token().selectedEvpKey();
  if (!key.ok()) return fail("Selecting the key failed", key.error());
  auto req = p11::makeCsr(key->get(), *subject, hash);
  if (!req.ok()) return fail("Signing the request failed", req.error());
  auto pem = p11::csrPem(req->get());
  if (!pem.ok()) return fail("", pem.error());
  if (auto out = p.get("out")) {
    auto f = AtomicFile::create(*out);
    if (!f.ok()) return fail("Writing the request failed", f.error());
    Status st = f->write(*pem);
    if (st.ok()) st = f->commit();
    if (!st.ok()) return fail("Writing the request failed", st.error());
  } else {
    std::fputs(pem->c_str(), stdout);
  }
  return kExitOk;
}

int runTokenImportCert(const Args& args) {
  ArgParser p;
  p.usage(
      {"usage: kyso token import-cert FILE [--label LABEL] [--module M] [--token T]\n"
       "Stores a certificate (DER, PEM or a PKCS#7 chain) on the token under the CKA_ID of\n"
       "the key it belongs to; CA certificates in the file are stored beside it.\n"
       "Example: kyso token import-cert nguyen-van-a.pem\n",
       "cách dùng: kyso token import-cert TỆP [--label NHÃN] [--module M] [--token T]\n"
       "Lưu chứng thư số (DER, PEM hoặc chuỗi PKCS#7) lên token dưới CKA_ID của khóa tương\n"
       "ứng; chứng thư của CA có trong tệp được lưu kèm theo.\n"
       "Ví dụ: kyso token import-cert nguyen-van-a.pem\n"});
  addTokenOptions(p);
  p.value("label", 0,
          {"label for the certificate (default: the key's label)",
           "nhãn của chứng thư số (mặc định: nhãn của khóa)"})
      .flag("json", 0, kJsonHelp);
  if (!parseOrUsage(p, args)) return kExitUsage;
  if (p.positional().size() != 1)
    return fail("", Error::kyso(Errc::UsageError, "import-cert",
                                say("give one certificate file", "hãy cho một tệp chứng thư số")));
  auto data = readSmallFile(p.positional()[0], 1u << 20);
  if (!data.ok()) return fail("Reading the certificate failed", data.error());
  auto certs = p11::parseCertificates(*data);
  if (!certs.ok()) return fail("Reading the certificate failed", certs.error());
  p11::OpenOptions opt;
  opt.readWrite = true;
  auto tok = openSelectedToken(p, opt);
  if (!tok.ok()) return fail("Opening the token failed", tok.error());
  auto id = (*tok)->token().call([&](p11::TokenSession& ts) -> Result<p11::Bytes> {
    std::optional<p11::Bytes> signerId;
    Error last = Error::kyso(Errc::KeyNotFound, "import-cert");
    for (auto& c : *certs) {
      auto r = p11::importCertificate(ts.session(), c.get(), p.getOr("label", ""));
      if (r.ok()) {
        signerId = *r;
        break;
      }
      last = r.error();
      if (r.error().kind != Errc::KeyNotFound) return r.error();
    }
    if (!signerId) return last;
    // The rest of a chain goes on as CA certificates; one already there is fine.
    for (auto& c : *certs)
      if (X509_check_ca(c.get()) > 0) {
        Status st = p11::importCaCertificate(ts.session(), c.get());
        if (!st.ok() && st.error().kind != Errc::FileExists) return st.error();
      }
    return *signerId;
  });
  if (!id.ok()) return fail("Importing the certificate failed", id.error());
  Json j = Json::object();
  j.set("id", p11::hexId(*id));
  if (p.has("json"))
    printJsonOk(p, std::move(j));
  else
    std::printf("Imported under key ID %s\n", p11::hexId(*id).c_str());
  return kExitOk;
}

int runTokenDelete(const Args& args) {
  ArgParser p;
  p.usage(
      {"usage: kyso token delete --id HEX [--yes] [--module M] [--token T]\n"
       "Deletes every object (key, certificate) with that CKA_ID; asks for confirmation\n"
       "unless --yes.\n"
       "Example: kyso token delete --id 0a\n",
       "cách dùng: kyso token delete --id HEX [--yes] [--module M] [--token T]\n"
       "Xóa mọi đối tượng (khóa, chứng thư số) có CKA_ID đó; hỏi xác nhận trừ khi có --yes.\n"
       "Ví dụ: kyso token delete --id 0a\n"});
  addTokenOptions(p);
  p.value("id", 0,
          {"delete every object with this CKA_ID (hex)", "xóa mọi đối tượng có CKA_ID này (hex)"})
      .flag("yes", 0, kYesHelp)
      .flag("json", 0, kJsonHelp);
  if (!parseOrUsage(p, args)) return kExitUsage;
  auto id = p11::parseHexId(p.getOr("id", ""));
  if (!id)
    return fail(
        "", Error::kyso(Errc::UsageError, "delete", say("--id HEX is required", "cần --id HEX")));
  p11::OpenOptions opt;
  opt.readWrite = true;
  auto tok = openSelectedToken(p, opt);
  if (!tok.ok()) return fail("Opening the token failed", tok.error());
  const auto& t = (*tok)->token().token();
  Status c = confirm(p,
                     "This deletes the key and certificate with ID " + p11::hexId(*id) +
                         " from the token \"" + t.label + "\" (serial " + t.serial + ").",
                     p11::hexId(*id));
  if (!c.ok()) return fail("Deleting failed", c.error());
  auto n = (*tok)->token().call(
      [&](p11::TokenSession& ts) { return p11::deleteObjectsWithId(ts.session(), *id); });
  if (!n.ok()) return fail("Deleting failed", n.error());
  if (*n == 0)
    return fail("Deleting failed", Error::kyso(Errc::KeyNotFound, "delete", p11::hexId(*id)));
  Json j = Json::object();
  j.set("deleted", *n);
  if (p.has("json"))
    printJsonOk(p, std::move(j));
  else
    std::printf("Deleted %d object(s) with ID %s\n", *n, p11::hexId(*id).c_str());
  return kExitOk;
}

}  // namespace kyso::cli

// `kyso inventory unit|person|token|cert add|show|list|edit`.
#include <cstdio>

#include "src/cli/exit_codes.h"
#include "src/cli/inventory_cli.h"
#include "src/core/atomic_file.h"
#include "src/inventory/certfile.h"
#include "src/inventory/lifecycle.h"

namespace kyso::cli::inv {
namespace {

using namespace kyso::inventory;

const char* orDash(const std::string& s) {
  return s.empty() ? "-" : s.c_str();
}

Result<long long> parseVersion(const ArgParser& p, long long current) {
  auto v = p.get("if-version");
  if (!v) return current;
  char* end = nullptr;
  const long long n = std::strtoll(v->c_str(), &end, 10);
  if (v->empty() || *end) return Error::kyso(Errc::UsageError, "--if-version", *v);
  return n;
}

Result<std::optional<long long>> unitOpt(Inventory& inv, const ArgParser& p, const char* opt) {
  auto v = p.get(opt);
  if (!v) return std::optional<long long>{};
  if (v->empty()) return std::optional<long long>{};
  KYSO_ASSIGN_OR_RETURN(Unit u, inv.unit(*v));
  return std::optional<long long>(u.id);
}

Result<std::optional<long long>> personOpt(Inventory& inv, const ArgParser& p, const char* opt,
                                           std::optional<long long> unitId) {
  auto v = p.get(opt);
  if (!v || v->empty()) return std::optional<long long>{};
  KYSO_ASSIGN_OR_RETURN(Person who, inv.person(*v, unitId));
  return std::optional<long long>(who.id);
}

void printUnit(const Unit& u) {
  std::printf("%lld\t%s\tkind=%s\tparent=%s\tfocal=%s\tseal=%s\tv%lld\n", u.id, u.name.c_str(),
              u.kind.c_str(), orDash(u.parentName), orDash(u.focalPersonName),
              u.hasSeal ? "yes" : "no", u.version);
}
void printPerson(const Person& p) {
  std::printf("%lld\t%s\t%s\t%s\t%s%s\tv%lld\n", p.id, p.fullName.c_str(), orDash(p.position),
              p.unitName.c_str(), p.leftOn.empty() ? "" : "left ", p.leftOn.c_str(), p.version);
}
void printToken(const Token& t) {
  std::printf("%s\t%s %s\t%s\tholder=%s\tunit=%s\tv%lld\n", t.serial.c_str(),
              t.manufacturer.c_str(), t.model.c_str(), t.state.c_str(), orDash(t.holderName),
              orDash(t.unitName), t.version);
}
void printCert(const Certificate& c) {
  std::printf("%s\t%s\t%s..%s\t%s\tholder=%s\ttoken=%s\tv%lld\n", c.sha256.substr(0, 16).c_str(),
              c.subject.c_str(), c.notBefore.c_str(), c.notAfter.c_str(), c.state.c_str(),
              orDash(c.holderName), orDash(c.tokenSerial), c.version);
}

Result<std::string> readPng(const std::string& path) {
  return readSmallFile(path, 8u << 20);
}

}  // namespace

int runUnit(Context& c, const std::string& action) {
  ArgParser p = parserFor(c);
  p.usage(
      "usage: kyso inventory unit add --name NAME [--parent UNIT] [--kind KIND]\n"
      "       kyso inventory unit show UNIT [--export-seal FILE.png]\n"
      "       kyso inventory unit list\n"
      "       kyso inventory unit edit UNIT [--name N] [--parent P] [--kind K] [--focal-person P]\n"
      "                                     [--seal FILE.png] [--if-version V]\n"
      "Units form a tree under the Department. A UNIT is named by its name or id.\n"
      "Example: kyso inventory unit add --name \"Trung tâm Y tế huyện Phú Vang\" --parent \"Sở Y "
      "tế\"\n");
  p.value("name", 0, "the unit's name (unique)")
      .value("parent", 0, "the unit above it (name or id)")
      .value("kind", 0, "department, hospital, district, unit... (free text; default: unit)")
      .value("focal-person", 0, "the person who looks after its tokens (name or id)")
      .value("seal", 0, "the unit's seal image (PNG with a transparent background)")
      .value("if-version", 0, "edit only if the record is still at this version");
  p.value("export-seal", 0, "show: write the stored seal image to this file");
  if (!parseOrReport(p, c.rest, "kyso inventory unit")) return kExitUsage;
  applyGlobals(c, p);
  auto opened = c.open();
  if (!opened.ok()) return fail("Opening the inventory failed", opened.error());
  Inventory& inv = **opened;
  const auto& pos = p.positional();
  if (action == "add") {
    Unit u;
    u.name = p.getOr("name", "");
    u.kind = p.getOr("kind", "unit");
    auto parent = unitOpt(inv, p, "parent");
    if (!parent.ok()) return fail("Finding the parent unit failed", parent.error());
    u.parentId = *parent;
    auto r = inv.addUnit(u);
    if (!r.ok()) return fail("Adding the unit failed", r.error());
    if (auto seal = p.get("seal")) {
      auto png = readPng(*seal);
      if (!png.ok()) return fail("Reading the seal image failed", png.error());
      auto st = inv.setSeal(std::to_string(r->id), *png);
      if (!st.ok()) return fail("Storing the seal image failed", st.error());
    }
    if (c.json)
      printJson(toJson(*r));
    else
      printUnit(*r);
    return kExitOk;
  }
  if (action == "list") {
    auto r = inv.units();
    if (!r.ok()) return fail("Listing units failed", r.error());
    std::optional<long long> parent;
    if (p.get("parent")) {
      auto u = unitOpt(inv, p, "parent");
      if (!u.ok()) return fail("Finding the parent unit failed", u.error());
      parent = *u;
    }
    Json arr = Json::array();
    for (const Unit& u : *r) {
      if (parent && u.parentId != parent) continue;
      if (c.json)
        arr.push(toJson(u));
      else
        printUnit(u);
    }
    if (c.json) printJson(arr);
    return kExitOk;
  }
  if (pos.empty())
    return fail("kyso inventory unit " + action,
                Error::kyso(Errc::UsageError, action, "give the unit's name or id"));
  auto found = inv.unit(pos[0]);
  if (!found.ok()) return fail("Finding the unit failed", found.error());
  if (action == "show") {
    if (auto out = p.get("export-seal")) {
      auto png = inv.seal(pos[0]);
      if (!png.ok()) return fail("Reading the seal image failed", png.error());
      auto st = writeOutput(*out, *png);
      if (!st.ok()) return fail("Writing the seal image failed", st.error());
    }
    if (c.json)
      printJson(toJson(*found));
    else
      printUnit(*found);
    return kExitOk;
  }
  if (action == "edit") {
    Unit u = *found;
    auto v = parseVersion(p, u.version);
    if (!v.ok()) return fail("kyso inventory unit edit", v.error());
    u.version = *v;
    if (auto n = p.get("name")) u.name = *n;
    if (auto k = p.get("kind")) u.kind = *k;
    if (p.get("parent")) {
      auto parent = unitOpt(inv, p, "parent");
      if (!parent.ok()) return fail("Finding the parent unit failed", parent.error());
      u.parentId = *parent;
    }
    if (p.get("focal-person")) {
      auto fp = personOpt(inv, p, "focal-person", u.id);
      if (!fp.ok()) return fail("Finding the focal person failed", fp.error());
      u.focalPersonId = *fp;
    }
    auto r = inv.editUnit(u);
    if (!r.ok()) return fail("Saving the unit failed", r.error());
    if (auto seal = p.get("seal")) {
      auto png = readPng(*seal);
      if (!png.ok()) return fail("Reading the seal image failed", png.error());
      auto st = inv.setSeal(std::to_string(u.id), *png);
      if (!st.ok()) return fail("Storing the seal image failed", st.error());
      r = inv.unit(std::to_string(u.id));
    }
    if (c.json)
      printJson(toJson(*r));
    else
      printUnit(*r);
    return kExitOk;
  }
  return fail("kyso inventory unit", Error::kyso(Errc::UsageError, action, "unknown action"));
}

int runPerson(Context& c, const std::string& action) {
  ArgParser p = parserFor(c);
  p.usage(
      "usage: kyso inventory person add --name NAME --unit UNIT [--position P] [--email E] "
      "[--phone T]\n"
      "       kyso inventory person show PERSON [--export-handwriting FILE.png]\n"
      "       kyso inventory person list [--unit UNIT]\n"
      "       kyso inventory person edit PERSON [--name N] [--position P] [--email E] [--phone T]\n"
      "                                         [--left-on YYYY-MM-DD] [--move-to UNIT]\n"
      "                                         [--handwriting FILE.png] [--if-version V]\n"
      "A PERSON is named by full name or id.\n"
      "Example: kyso inventory person add --name \"Nguyễn Văn An\" --unit \"Sở Y tế\" --position "
      "\"Giám đốc\"\n");
  p.value("name", 0, "full name")
      .value("unit", 0, "the unit (name or id)")
      .value("position", 0, "position, e.g. Giám đốc, Văn thư")
      .value("email", 0, "e-mail address")
      .value("phone", 0, "telephone")
      .value("left-on", 0, "the day the person left the unit (YYYY-MM-DD)");
  p.value("handwriting", 0, "the handwritten signature image (PNG, transparent background)")
      .value("export-handwriting", 0, "show: write the stored handwriting image to this file")
      .value("if-version", 0, "edit only if the record is still at this version")
      .value("move-to", 0, "move the person to another unit");
  if (!parseOrReport(p, c.rest, "kyso inventory person")) return kExitUsage;
  applyGlobals(c, p);
  auto opened = c.open();
  if (!opened.ok()) return fail("Opening the inventory failed", opened.error());
  Inventory& inv = **opened;
  auto unitId = unitOpt(inv, p, "unit");
  if (!unitId.ok()) return fail("Finding the unit failed", unitId.error());
  const auto& pos = p.positional();
  if (action == "add") {
    Person np;
    np.fullName = p.getOr("name", "");
    np.position = p.getOr("position", "");
    np.email = p.getOr("email", "");
    np.phone = p.getOr("phone", "");
    np.leftOn = p.getOr("left-on", "");
    if (!*unitId)
      return fail("Adding the person failed",
                  Error::kyso(Errc::UsageError, "person add", "--unit is required"));
    np.unitId = **unitId;
    auto r = inv.addPerson(np);
    if (!r.ok()) return fail("Adding the person failed", r.error());
    if (auto hw = p.get("handwriting")) {
      auto png = readPng(*hw);
      if (!png.ok()) return fail("Reading the handwriting image failed", png.error());
      auto st = inv.setHandwriting(std::to_string(r->id), *png);
      if (!st.ok()) return fail("Storing the handwriting image failed", st.error());
    }
    if (c.json)
      printJson(toJson(*r));
    else
      printPerson(*r);
    return kExitOk;
  }
  if (action == "list") {
    auto r = inv.people(*unitId);
    if (!r.ok()) return fail("Listing people failed", r.error());
    Json arr = Json::array();
    for (const Person& x : *r) {
      if (c.json)
        arr.push(toJson(x));
      else
        printPerson(x);
    }
    if (c.json) printJson(arr);
    return kExitOk;
  }
  if (pos.empty())
    return fail("kyso inventory person " + action,
                Error::kyso(Errc::UsageError, action, "give the person's name or id"));
  auto found = inv.person(pos[0], *unitId);
  if (!found.ok()) return fail("Finding the person failed", found.error());
  if (action == "show") {
    if (auto out = p.get("export-handwriting")) {
      auto png = inv.handwriting(std::to_string(found->id));
      if (!png.ok()) return fail("Reading the handwriting image failed", png.error());
      auto st = writeOutput(*out, *png);
      if (!st.ok()) return fail("Writing the handwriting image failed", st.error());
    }
    if (c.json)
      printJson(toJson(*found));
    else
      printPerson(*found);
    return kExitOk;
  }
  if (action == "edit") {
    Person e = *found;
    auto v = parseVersion(p, e.version);
    if (!v.ok()) return fail("kyso inventory person edit", v.error());
    e.version = *v;
    if (auto x = p.get("name")) e.fullName = *x;
    if (auto x = p.get("position")) e.position = *x;
    if (auto x = p.get("email")) e.email = *x;
    if (auto x = p.get("phone")) e.phone = *x;
    if (auto x = p.get("left-on")) e.leftOn = *x;
    if (p.get("move-to")) {
      auto m = unitOpt(inv, p, "move-to");
      if (!m.ok()) return fail("Finding the unit failed", m.error());
      if (*m) e.unitId = **m;
    }
    auto r = inv.editPerson(e);
    if (!r.ok()) return fail("Saving the person failed", r.error());
    if (auto hw = p.get("handwriting")) {
      auto png = readPng(*hw);
      if (!png.ok()) return fail("Reading the handwriting image failed", png.error());
      auto st = inv.setHandwriting(std::to_string(e.id), *png);
      if (!st.ok()) return fail("Storing the handwriting image failed", st.error());
      r = inv.person(std::to_string(e.id));
    }
    if (c.json)
      printJson(toJson(*r));
    else
      printPerson(*r);
    return kExitOk;
  }
  return fail("kyso inventory person", Error::kyso(Errc::UsageError, action, "unknown action"));
}

int runTokenCmd(Context& c, const std::string& action) {
  ArgParser p = parserFor(c);
  p.usage(
      "usage: kyso inventory token add --serial S --manufacturer M [--model M] [--provider P]\n"
      "                                [--unit U] [--holder P] [--state S] [--received-on "
      "YYYY-MM-DD]\n"
      "       kyso inventory token show SERIAL\n"
      "       kyso inventory token list [--unit U] [--holder P] [--state S] [--search TEXT] "
      "[--limit N]\n"
      "       kyso inventory token edit SERIAL [--model M] [--provider P] [--module M] "
      "[--if-version V]\n"
      "A new token starts in_stock. States change only with `kyso inventory transition`.\n" +
      std::string("Token states: ") + inventory::statesList(inventory::Subject::Token) + "\n" +
      "Example: kyso inventory token add --serial 54C1A2 --manufacturer Bit4id --provider "
      "\"Ban Cơ yếu\"\n");
  p.value("serial", 0, "the token's serial number (as `kyso token list` shows it)")
      .value("manufacturer", 0, "Bit4id, SafeNet, ePass, ...")
      .value("model", 0, "model name")
      .value("provider", 0, "who issued it: Ban Cơ yếu, Viettel-CA, VNPT-CA, ...")
      .value("module", 0, "its PKCS#11 module (path or known name)");
  p.value("unit", 0, "unit (name or id)")
      .value("holder", 0, "person (name or id)")
      .value("state", 0, "add: the starting state; list: only tokens in this state")
      .value("received-on", 0, "the day the Department received it (YYYY-MM-DD)")
      .value("search", 0, "list: serial, holder or model containing this text");
  p.value("limit", 0, "list: at most this many rows")
      .value("if-version", 0, "edit only if the record is still at this version");
  if (!parseOrReport(p, c.rest, "kyso inventory token")) return kExitUsage;
  applyGlobals(c, p);
  auto opened = c.open();
  if (!opened.ok()) return fail("Opening the inventory failed", opened.error());
  Inventory& inv = **opened;
  auto unitId = unitOpt(inv, p, "unit");
  if (!unitId.ok()) return fail("Finding the unit failed", unitId.error());
  auto holderId = personOpt(inv, p, "holder", *unitId);
  if (!holderId.ok()) return fail("Finding the holder failed", holderId.error());
  const auto& pos = p.positional();
  if (action == "add") {
    Token t;
    t.serial = p.getOr("serial", "");
    t.manufacturer = p.getOr("manufacturer", "");
    t.model = p.getOr("model", "");
    t.provider = p.getOr("provider", "");
    t.module = p.getOr("module", "");
    t.receivedOn = p.getOr("received-on", "");
    t.unitId = *unitId;
    t.holderId = *holderId;
    t.state = p.getOr("state", t.holderId ? "active" : "in_stock");
    auto r = inv.addToken(t);
    if (!r.ok()) return fail("Adding the token failed", r.error());
    if (c.json)
      printJson(toJson(*r));
    else
      printToken(*r);
    return kExitOk;
  }
  if (action == "list") {
    TokenFilter f;
    f.state = p.getOr("state", "");
    f.unitId = *unitId;
    f.holderId = *holderId;
    f.manufacturer = p.getOr("manufacturer", "");
    f.search = p.getOr("search", "");
    f.limit = std::atol(p.getOr("limit", "0").c_str());
    auto r = inv.tokens(f);
    if (!r.ok()) return fail("Listing tokens failed", r.error());
    Json arr = Json::array();
    for (const Token& t : *r) {
      if (c.json)
        arr.push(toJson(t));
      else
        printToken(t);
    }
    if (c.json) printJson(arr);
    return kExitOk;
  }
  if (pos.empty())
    return fail("kyso inventory token " + action,
                Error::kyso(Errc::UsageError, action, "give the token's serial"));
  auto found = inv.token(pos[0]);
  if (!found.ok()) return fail("Finding the token failed", found.error());
  if (action == "show") {
    CertFilter cf;
    cf.tokenId = found->id;
    auto certs = inv.certificates(cf);
    if (!certs.ok()) return fail("Listing the token's certificates failed", certs.error());
    if (c.json) {
      Json j = toJson(*found);
      Json arr = Json::array();
      for (const auto& x : *certs) arr.push(toJson(x));
      j.set("certificates", std::move(arr));
      printJson(j);
    } else {
      printToken(*found);
      for (const auto& x : *certs) {
        std::printf("  ");
        printCert(x);
      }
    }
    return kExitOk;
  }
  if (action == "edit") {
    Token t = *found;
    auto v = parseVersion(p, t.version);
    if (!v.ok()) return fail("kyso inventory token edit", v.error());
    t.version = *v;
    if (auto x = p.get("serial")) t.serial = *x;
    if (auto x = p.get("manufacturer")) t.manufacturer = *x;
    if (auto x = p.get("model")) t.model = *x;
    if (auto x = p.get("provider")) t.provider = *x;
    if (auto x = p.get("module")) t.module = *x;
    if (auto x = p.get("received-on")) t.receivedOn = *x;
    if (p.get("unit")) t.unitId = *unitId;
    if (p.get("holder") || p.get("state"))
      return fail("kyso inventory token edit",
                  Error::kyso(Errc::UsageError, "token edit",
                              "holder and state change only by `transition`"));
    auto r = inv.editToken(t);
    if (!r.ok()) return fail("Saving the token failed", r.error());
    if (c.json)
      printJson(toJson(*r));
    else
      printToken(*r);
    return kExitOk;
  }
  return fail("kyso inventory token", Error::kyso(Errc::UsageError, action, "unknown action"));
}

int runCert(Context& c, const std::string& action) {
  ArgParser p = parserFor(c);
  p.usage(
      "usage: kyso inventory cert import FILE [--token SERIAL] [--holder P] [--kind "
      "personal|organisation]\n"
      "       kyso inventory cert add ... (the same details by hand)\n"
      "       kyso inventory cert show SHA256-PREFIX\n"
      "       kyso inventory cert list [--unit U] [--holder P] [--state S] [--expires-before "
      "YYYY-MM-DD]\n"
      "       kyso inventory cert edit SHA256-PREFIX [--token T] [--holder P] [--if-version V]\n"
      "FILE is PEM or DER. A certificate is named by a prefix of its SHA-256 fingerprint.\n" +
      std::string("Certificate states: ") + inventory::statesList(inventory::Subject::Certificate) +
      "\n" + "Example: kyso inventory cert import nguyen-van-an.pem --token 54C1A2\n");
  p.value("token", 0, "the token serial the certificate is on")
      .value("holder", 0, "person (name or id)")
      .value("unit", 0, "unit (name or id)")
      .value("kind", 0, "personal (default) or organisation")
      .value("state", 0, "list: only certificates in this state")
      .value("file", 0, "the certificate file (PEM or DER), as the positional FILE");
  p.value("expires-before", 0, "list: only those ending before this day (YYYY-MM-DD)")
      .value("limit", 0, "list: at most this many rows")
      .value("if-version", 0, "edit only if the record is still at this version");
  if (!parseOrReport(p, c.rest, "kyso inventory cert")) return kExitUsage;
  applyGlobals(c, p);
  auto opened = c.open();
  if (!opened.ok()) return fail("Opening the inventory failed", opened.error());
  Inventory& inv = **opened;
  auto unitId = unitOpt(inv, p, "unit");
  if (!unitId.ok()) return fail("Finding the unit failed", unitId.error());
  auto holderId = personOpt(inv, p, "holder", *unitId);
  if (!holderId.ok()) return fail("Finding the holder failed", holderId.error());
  std::optional<long long> tokenId;
  if (auto ts = p.get("token"); ts && !ts->empty()) {
    auto t = inv.token(*ts);
    if (!t.ok()) return fail("Finding the token failed", t.error());
    tokenId = t->id;
  }
  const auto& pos = p.positional();
  if (action == "import" || action == "add") {
    std::string file = p.getOr("file", pos.empty() ? "" : pos[0]);
    if (file.empty())
      return fail("kyso inventory cert " + action,
                  Error::kyso(Errc::UsageError, action, "give the certificate file"));
    auto parsed = readCertificateFile(file);
    if (!parsed.ok()) return fail("Reading the certificate failed", parsed.error());
    Certificate cert = parsed->cert;
    cert.tokenId = tokenId;
    cert.holderId = *holderId;
    cert.unitId = *unitId;
    cert.kind = p.getOr("kind", "personal");
    cert.state = p.getOr("state", cert.notAfter < inv.today() ? "expired" : "valid");
    auto r = inv.addCertificate(cert, parsed->der);
    if (!r.ok()) return fail("Adding the certificate failed", r.error());
    if (c.json)
      printJson(toJson(*r));
    else
      printCert(*r);
    return kExitOk;
  }
  if (action == "list") {
    CertFilter f;
    f.state = p.getOr("state", "");
    f.unitId = *unitId;
    f.holderId = *holderId;
    f.tokenId = tokenId;
    f.expiresBefore = p.getOr("expires-before", "");
    f.limit = std::atol(p.getOr("limit", "0").c_str());
    auto r = inv.certificates(f);
    if (!r.ok()) return fail("Listing certificates failed", r.error());
    Json arr = Json::array();
    for (const Certificate& x : *r) {
      if (c.json)
        arr.push(toJson(x));
      else
        printCert(x);
    }
    if (c.json) printJson(arr);
    return kExitOk;
  }
  if (pos.empty())
    return fail(
        "kyso inventory cert " + action,
        Error::kyso(Errc::UsageError, action, "give the certificate's SHA-256 (prefix) or id"));
  auto found = inv.certificate(pos[0]);
  if (!found.ok()) return fail("Finding the certificate failed", found.error());
  if (action == "show") {
    if (c.json)
      printJson(toJson(*found));
    else
      printCert(*found);
    return kExitOk;
  }
  if (action == "edit") {
    Certificate e = *found;
    auto v = parseVersion(p, e.version);
    if (!v.ok()) return fail("kyso inventory cert edit", v.error());
    e.version = *v;
    if (p.get("token")) e.tokenId = tokenId;
    if (p.get("holder")) e.holderId = *holderId;
    if (p.get("unit")) e.unitId = *unitId;
    if (auto k = p.get("kind")) e.kind = *k;
    if (p.get("state"))
      return fail("kyso inventory cert edit",
                  Error::kyso(Errc::UsageError, "cert edit", "state changes only by `transition`"));
    auto r = inv.editCertificate(e);
    if (!r.ok()) return fail("Saving the certificate failed", r.error());
    if (c.json)
      printJson(toJson(*r));
    else
      printCert(*r);
    return kExitOk;
  }
  return fail("kyso inventory cert", Error::kyso(Errc::UsageError, action, "unknown action"));
}

}  // namespace kyso::cli::inv

// `kyso inventory unit|person|token|cert add|show|list|edit`: one driver (runRecord) and, for each
// kind of record, a table of its parts (RecordCommand): its options, how it is added, listed,
// found, shown and edited, and how one record is printed.
#include <cstdio>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "core/atomic_file.h"
#include "core/messages.h"
#include "src/cli/commands/inventory_cli.h"
#include "src/cli/commands/inventory_record_options.h"
#include "src/cli/commands/inventory_record_text.h"
#include "src/cli/commands/text_table.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/words.h"
#include "src/inventory/certfile.h"
#include "src/inventory/lifecycle.h"
#include "src/inventory/state_names.h"

namespace kyso::cli::inv {
namespace {

using namespace kyso::inventory;

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

// --state as a code, or as its English or Vietnamese name ("Đang sử dụng"); an unknown word is
// given on as it was, for the inventory to refuse with the list of states.
std::string stateOption(const ArgParser& p, inventory::Subject s, const std::string& fallback) {
  const auto given = p.get("state");
  if (!given) return fallback;
  return inventory::stateFromText(s, *given).value_or(*given);
}

template <class T>
std::string listText(const std::vector<T>& records, std::vector<std::string> (*header)(),
                     std::vector<std::string> (*cells)(const T&)) {
  TextTable table(header());
  for (const T& r : records) table.add(cells(r));
  return table.render(noneText());
}

Result<std::string> readPng(const std::string& path) {
  return readSmallFile(path, 8u << 20);
}

// A step that failed: what was being done (for the sentence) and why.
struct Failure {
  std::string what;
  Error error;
};
template <class T>
using Step = std::variant<T, Failure>;

// The parts of one record command. `lookups` runs once after the options are parsed (units,
// holders and tokens named by options); the others get its result.
template <class T, class Lookups>
struct RecordCommand {
  RecordCommand(const char* noun_, HelpText usage_, void (*declare_)(ArgParser&),
                const char* whichOne_, std::vector<std::string> (*header_)(),
                std::vector<std::string> (*cells_)(const T&), Fields (*fields_)(const T&))
      : noun(noun_),
        usage(std::move(usage_)),
        declare(declare_),
        whichOne(whichOne_),
        header(header_),
        cells(cells_),
        fields(fields_) {}
  const char* noun;  // "unit": "kyso inventory unit ..."
  HelpText usage;
  void (*declare)(ArgParser&);
  const char* whichOne;                         // "give the unit's name or id"
  std::vector<std::string> (*header)();         // a list's columns
  std::vector<std::string> (*cells)(const T&);  // one row of a list
  Fields (*fields)(const T&);                   // one record, labelled
  std::function<Step<Lookups>(Inventory&, const ArgParser&)> lookups;
  std::function<Step<T>(Inventory&, const ArgParser&, const Lookups&)> add;
  std::function<Step<std::vector<T>>(Inventory&, const ArgParser&, const Lookups&)> list;
  std::function<Step<T>(Inventory&, const std::string& key, const Lookups&)> find;
  /// Extra output of `show` (an exported image); nullopt: nothing more to do.
  std::function<std::optional<Failure>(Inventory&, const ArgParser&, const T&)> showExtra;
  /// `show` as JSON and text when it says more than the record (a token's certificates).
  std::function<Step<Json>(Inventory&, const T&)> showJson;
  std::function<int(Inventory&, const T&)> showText;
  std::function<Step<T>(Inventory&, const ArgParser&, const Lookups&, T found)> edit;
  std::vector<std::string> addActions{"add"};
};

template <class T>
Step<T> fromResult(Result<T> r, std::string what) {
  if (r.ok()) return std::move(*r);
  return Failure{std::move(what), r.error()};
}

template <class T>
int printOne(Context& c, const T& record, Fields (*fields)(const T&)) {
  if (c.json)
    printJson(toJson(record));
  else
    std::fputs(renderFields(fields(record)).c_str(), stdout);
  return kExitOk;
}

template <class T, class Lookups>
int runRecord(Context& c, const std::string& action, const RecordCommand<T, Lookups>& cmd) {
  const std::string command = std::string("kyso inventory ") + cmd.noun;
  ArgParser p = parserFor(c);
  p.usage(cmd.usage);
  cmd.declare(p);
  p.value("if-version", 0,
          {"edit only if the record is still at this version (as show prints it)",
           "chỉ sửa khi bản ghi vẫn ở phiên bản này (như lệnh show in ra)"});
  if (!parseOrReport(p, c.rest, command.c_str())) return kExitUsage;
  applyGlobals(c, p);
  // An unknown action is said before the register is opened (or created).
  std::string actions;
  bool known = action == "list" || action == "show" || action == "edit";
  for (const auto& a : cmd.addActions) {
    known = known || action == a;
    actions += a + ", ";
  }
  if (!known)
    return fail(command, Error::kyso(Errc::UsageError, action,
                                     std::string(L("unknown action '", "không có việc '")) +
                                         action + L("': use ", "': dùng ") + actions +
                                         "list, show " + L("or", "hoặc") + " edit"));
  auto opened = c.open();
  if (!opened.ok()) return fail("Opening the inventory failed", opened.error());
  Inventory& inv = **opened;
  auto failed = [](const Failure& f) { return fail(f.what, f.error); };
  Step<Lookups> looked = cmd.lookups(inv, p);
  if (auto* f = std::get_if<Failure>(&looked)) return failed(*f);
  const Lookups& l = std::get<Lookups>(looked);
  const auto& pos = p.positional();
  for (const auto& a : cmd.addActions)
    if (action == a) {
      Step<T> added = cmd.add(inv, p, l);
      if (auto* f = std::get_if<Failure>(&added)) return failed(*f);
      return printOne(c, std::get<T>(added), cmd.fields);
    }
  if (action == "list") {
    Step<std::vector<T>> rows = cmd.list(inv, p, l);
    if (auto* f = std::get_if<Failure>(&rows)) return failed(*f);
    const auto& records = std::get<std::vector<T>>(rows);
    if (!c.json) {
      std::fputs(listText(records, cmd.header, cmd.cells).c_str(), stdout);
      return kExitOk;
    }
    Json arr = Json::array();
    for (const T& x : records) arr.push(toJson(x));
    printJson(arr);
    return kExitOk;
  }
  if (pos.empty())
    return fail(command + " " + action, Error::kyso(Errc::UsageError, action, cmd.whichOne));
  Step<T> found = cmd.find(inv, pos[0], l);
  if (auto* f = std::get_if<Failure>(&found)) return failed(*f);
  T& record = std::get<T>(found);
  if (action == "show") {
    if (cmd.showExtra)
      if (auto f = cmd.showExtra(inv, p, record)) return failed(*f);
    if (c.json && cmd.showJson) {
      Step<Json> j = cmd.showJson(inv, record);
      if (auto* f = std::get_if<Failure>(&j)) return failed(*f);
      printJson(std::get<Json>(j));
      return kExitOk;
    }
    if (!c.json && cmd.showText) return cmd.showText(inv, record);
    return printOne(c, record, cmd.fields);
  }
  auto v = parseVersion(p, record.version);
  if (!v.ok()) return fail(command + " edit", v.error());
  record.version = *v;
  Step<T> edited = cmd.edit(inv, p, l, std::move(record));
  if (auto* f = std::get_if<Failure>(&edited)) return failed(*f);
  return printOne(c, std::get<T>(edited), cmd.fields);
}

// An image option stored with `store` for the record `id` (seal, handwriting).
// The image an option names, read and checked before anything is written, so that a bad image
// leaves the register as it was (nullopt inside: the option is not given).
Step<std::optional<std::string>> imageOption(const ArgParser& p, const char* option,
                                             const char* what) {
  auto file = p.get(option);
  if (!file) return std::optional<std::string>();
  auto png = readPng(*file);
  if (!png.ok()) return Failure{std::string("Reading the ") + what + " image failed", png.error()};
  if (auto st = checkImage(*png, what); !st.ok())
    return Failure{std::string("Reading the ") + what + " image failed", st.error()};
  return std::optional<std::string>(std::move(*png));
}

std::optional<Failure> storeImage(const std::optional<std::string>& png, const char* what,
                                  const std::function<Status(const std::string&)>& store) {
  if (!png) return std::nullopt;
  if (auto st = store(*png); !st.ok())
    return Failure{std::string("Storing the ") + what + " image failed", st.error()};
  return std::nullopt;
}

// `show --export-...`: the stored image written to the file the option names.
std::optional<Failure> exportImage(const ArgParser& p, const char* option, const char* what,
                                   const std::function<Result<std::string>()>& read) {
  auto out = p.get(option);
  if (!out) return std::nullopt;
  auto png = read();
  if (!png.ok()) return Failure{std::string("Reading the ") + what + " image failed", png.error()};
  if (auto st = writeOutput(*out, *png); !st.ok())
    return Failure{std::string("Writing the ") + what + " image failed", st.error()};
  return std::nullopt;
}

// The records named by options, found once.
struct NoLookups {};
struct UnitLookup {
  std::optional<long long> unitId;
};
struct HolderLookup {
  std::optional<long long> unitId, holderId, tokenId;
};

Step<UnitLookup> lookUpUnit(Inventory& inv, const ArgParser& p) {
  auto unitId = unitOpt(inv, p, "unit");
  if (!unitId.ok()) return Failure{"Finding the unit failed", unitId.error()};
  return UnitLookup{*unitId};
}

// --unit, --holder and (for certificates) --token.
Step<HolderLookup> lookUpHolder(Inventory& inv, const ArgParser& p, bool token) {
  HolderLookup l;
  auto unitId = unitOpt(inv, p, "unit");
  if (!unitId.ok()) return Failure{"Finding the unit failed", unitId.error()};
  l.unitId = *unitId;
  auto holderId = personOpt(inv, p, "holder", l.unitId);
  if (!holderId.ok()) return Failure{"Finding the holder failed", holderId.error()};
  l.holderId = *holderId;
  if (auto ts = p.get("token"); token && ts && !ts->empty()) {
    auto t = inv.token(*ts);
    if (!t.ok()) return Failure{"Finding the token failed", t.error()};
    l.tokenId = t->id;
  }
  return l;
}

// `token show` lists the certificates on the token too.
Step<std::vector<Certificate>> certificatesOn(Inventory& inv, const Token& t) {
  CertFilter cf;
  cf.tokenId = t.id;
  return fromResult(inv.certificates(cf), "Listing the token's certificates failed");
}

Step<Json> tokenShowJson(Inventory& inv, const Token& t) {
  auto certs = certificatesOn(inv, t);
  if (auto* f = std::get_if<Failure>(&certs)) return *f;
  Json j = toJson(t);
  Json arr = Json::array();
  for (const auto& x : std::get<std::vector<Certificate>>(certs)) arr.push(toJson(x));
  j.set("certificates", std::move(arr));
  return j;
}

int tokenShowText(Inventory& inv, const Token& t) {
  auto certs = certificatesOn(inv, t);
  if (auto* f = std::get_if<Failure>(&certs)) return fail(f->what, f->error);
  std::fputs(renderFields(tokenFields(t)).c_str(), stdout);
  std::printf("\n%s\n", L("Certificates on the token:", "Chứng thư số trên thiết bị:"));
  std::fputs(listText(std::get<std::vector<Certificate>>(certs), certHeader, certCells).c_str(),
             stdout);
  return kExitOk;
}

}  // namespace

int runUnit(Context& c, const std::string& action) {
  RecordCommand<Unit, NoLookups> cmd{
      "unit",      unitUsage(),
      declareUnit, L("give the unit's name or id", "hãy cho tên hoặc số hiệu của đơn vị"),
      unitHeader,  unitCells,
      unitFields};
  cmd.lookups = [](Inventory&, const ArgParser&) -> Step<NoLookups> { return NoLookups{}; };
  cmd.add = [](Inventory& inv, const ArgParser& p, const NoLookups&) -> Step<Unit> {
    auto seal = imageOption(p, "seal", "seal");
    if (auto* f = std::get_if<Failure>(&seal)) return *f;
    Unit u;
    u.name = p.getOr("name", "");
    u.kind = p.getOr("kind", "unit");
    auto parent = unitOpt(inv, p, "parent");
    if (!parent.ok()) return Failure{"Finding the parent unit failed", parent.error()};
    u.parentId = *parent;
    auto r = inv.addUnit(u);
    if (!r.ok()) return Failure{"Adding the unit failed", r.error()};
    const std::string id = std::to_string(r->id);
    if (auto f = storeImage(std::get<0>(seal), "seal",
                            [&](const std::string& png) { return inv.setSeal(id, png); }))
      return *f;
    return std::move(*r);
  };
  cmd.list = [](Inventory& inv, const ArgParser& p, const NoLookups&) -> Step<std::vector<Unit>> {
    auto r = inv.units();
    if (!r.ok()) return Failure{"Listing units failed", r.error()};
    if (!p.get("parent")) return std::move(*r);
    auto parent = unitOpt(inv, p, "parent");
    if (!parent.ok()) return Failure{"Finding the parent unit failed", parent.error()};
    std::vector<Unit> under;
    for (Unit& u : *r)
      if (u.parentId == *parent) under.push_back(std::move(u));
    return under;
  };
  cmd.find = [](Inventory& inv, const std::string& key, const NoLookups&) {
    return fromResult(inv.unit(key), "Finding the unit failed");
  };
  cmd.showExtra = [](Inventory& inv, const ArgParser& p, const Unit& u) {
    return exportImage(p, "export-seal", "seal", [&] { return inv.seal(std::to_string(u.id)); });
  };
  cmd.edit = [](Inventory& inv, const ArgParser& p, const NoLookups&, Unit u) -> Step<Unit> {
    auto seal = imageOption(p, "seal", "seal");
    if (auto* f = std::get_if<Failure>(&seal)) return *f;
    if (auto n = p.get("name")) u.name = *n;
    if (auto k = p.get("kind")) u.kind = *k;
    if (p.get("parent")) {
      auto parent = unitOpt(inv, p, "parent");
      if (!parent.ok()) return Failure{"Finding the parent unit failed", parent.error()};
      u.parentId = *parent;
    }
    if (p.get("focal-person")) {
      auto fp = personOpt(inv, p, "focal-person", u.id);
      if (!fp.ok()) return Failure{"Finding the focal person failed", fp.error()};
      u.focalPersonId = *fp;
    }
    auto r = inv.editUnit(u);
    if (!r.ok()) return Failure{"Saving the unit failed", r.error()};
    const std::string id = std::to_string(u.id);
    if (!p.get("seal")) return std::move(*r);
    if (auto f = storeImage(std::get<0>(seal), "seal",
                            [&](const std::string& png) { return inv.setSeal(id, png); }))
      return *f;
    return fromResult(inv.unit(id), "Finding the unit failed");
  };
  return runRecord(c, action, cmd);
}

int runPerson(Context& c, const std::string& action) {
  RecordCommand<Person, UnitLookup> cmd{
      "person",      personUsage(),
      declarePerson, L("give the person's name or id", "hãy cho họ tên hoặc số hiệu của người"),
      personHeader,  personCells,
      personFields};
  cmd.lookups = lookUpUnit;
  cmd.add = [](Inventory& inv, const ArgParser& p, const UnitLookup& l) -> Step<Person> {
    auto handwriting = imageOption(p, "handwriting", "handwriting");
    if (auto* f = std::get_if<Failure>(&handwriting)) return *f;
    Person np;
    np.fullName = p.getOr("name", "");
    np.position = p.getOr("position", "");
    np.email = p.getOr("email", "");
    np.phone = p.getOr("phone", "");
    auto leftOn = dateOption(p, "left-on");
    if (!leftOn.ok()) return Failure{"Adding the person failed", leftOn.error()};
    np.leftOn = leftOn->value_or("");
    if (!l.unitId)
      return Failure{"Adding the person failed",
                     Error::kyso(Errc::UsageError, "person add",
                                 L("--unit is required: the unit the person works in",
                                   "cần --unit: đơn vị người đó làm việc"))};
    np.unitId = *l.unitId;
    auto r = inv.addPerson(np);
    if (!r.ok()) return Failure{"Adding the person failed", r.error()};
    const std::string id = std::to_string(r->id);
    if (auto f = storeImage(std::get<0>(handwriting), "handwriting",
                            [&](const std::string& png) { return inv.setHandwriting(id, png); }))
      return *f;
    return std::move(*r);
  };
  cmd.list = [](Inventory& inv, const ArgParser&, const UnitLookup& l) {
    return fromResult(inv.people(l.unitId), "Listing people failed");
  };
  cmd.find = [](Inventory& inv, const std::string& key, const UnitLookup& l) {
    return fromResult(inv.person(key, l.unitId), "Finding the person failed");
  };
  cmd.showExtra = [](Inventory& inv, const ArgParser& p, const Person& who) {
    return exportImage(p, "export-handwriting", "handwriting",
                       [&] { return inv.handwriting(std::to_string(who.id)); });
  };
  cmd.edit = [](Inventory& inv, const ArgParser& p, const UnitLookup&, Person e) -> Step<Person> {
    auto handwriting = imageOption(p, "handwriting", "handwriting");
    if (auto* f = std::get_if<Failure>(&handwriting)) return *f;
    if (auto x = p.get("name")) e.fullName = *x;
    if (auto x = p.get("position")) e.position = *x;
    if (auto x = p.get("email")) e.email = *x;
    if (auto x = p.get("phone")) e.phone = *x;
    auto leftOn = dateOption(p, "left-on");
    if (!leftOn.ok()) return Failure{"Editing the person failed", leftOn.error()};
    if (*leftOn) e.leftOn = **leftOn;
    if (p.get("move-to")) {
      auto m = unitOpt(inv, p, "move-to");
      if (!m.ok()) return Failure{"Finding the unit failed", m.error()};
      if (*m) e.unitId = **m;
    }
    auto r = inv.editPerson(e);
    if (!r.ok()) return Failure{"Saving the person failed", r.error()};
    const std::string id = std::to_string(e.id);
    if (!p.get("handwriting")) return std::move(*r);
    if (auto f = storeImage(std::get<0>(handwriting), "handwriting",
                            [&](const std::string& png) { return inv.setHandwriting(id, png); }))
      return *f;
    return fromResult(inv.person(id), "Finding the person failed");
  };
  return runRecord(c, action, cmd);
}

int runTokenCmd(Context& c, const std::string& action) {
  RecordCommand<Token, HolderLookup> cmd{
      "token",      tokenUsage(),
      declareToken, L("give the token's serial", "hãy cho số sê-ri của token"),
      tokenHeader,  tokenCells,
      tokenFields};
  cmd.lookups = [](Inventory& inv, const ArgParser& p) { return lookUpHolder(inv, p, false); };
  cmd.add = [](Inventory& inv, const ArgParser& p, const HolderLookup& l) -> Step<Token> {
    Token t;
    t.serial = p.getOr("serial", "");
    t.manufacturer = p.getOr("manufacturer", "");
    t.model = p.getOr("model", "");
    t.provider = p.getOr("provider", "");
    t.module = p.getOr("module", "");
    auto receivedOn = dateOption(p, "received-on");
    if (!receivedOn.ok()) return Failure{"Adding the token failed", receivedOn.error()};
    t.receivedOn = receivedOn->value_or("");
    t.unitId = l.unitId;
    t.holderId = l.holderId;
    t.state = stateOption(p, inventory::Subject::Token, t.holderId ? "active" : "in_stock");
    return fromResult(inv.addToken(t), "Adding the token failed");
  };
  cmd.list = [](Inventory& inv, const ArgParser& p, const HolderLookup& l) {
    TokenFilter f;
    f.state = stateOption(p, inventory::Subject::Token, "");
    f.unitId = l.unitId;
    f.holderId = l.holderId;
    f.manufacturer = p.getOr("manufacturer", "");
    f.search = p.getOr("search", "");
    f.limit = std::atol(p.getOr("limit", "0").c_str());
    return fromResult(inv.tokens(f), "Listing tokens failed");
  };
  cmd.find = [](Inventory& inv, const std::string& key, const HolderLookup&) {
    return fromResult(inv.token(key), "Finding the token failed");
  };
  cmd.showJson = tokenShowJson;
  cmd.showText = tokenShowText;
  cmd.edit = [](Inventory& inv, const ArgParser& p, const HolderLookup& l, Token t) -> Step<Token> {
    if (auto x = p.get("serial")) t.serial = *x;
    if (auto x = p.get("manufacturer")) t.manufacturer = *x;
    if (auto x = p.get("model")) t.model = *x;
    if (auto x = p.get("provider")) t.provider = *x;
    if (auto x = p.get("module")) t.module = *x;
    auto receivedOn = dateOption(p, "received-on");
    if (!receivedOn.ok()) return Failure{"Editing the token failed", receivedOn.error()};
    if (*receivedOn) t.receivedOn = **receivedOn;
    if (p.get("unit")) t.unitId = l.unitId;
    if (p.get("holder") || p.get("state"))
      return Failure{"kyso inventory token edit",
                     Error::kyso(Errc::UsageError, "token edit",
                                 say("holder and state change only by `transition`",
                                     "người giữ và trạng thái chỉ đổi bằng `transition`"))};
    return fromResult(inv.editToken(t), "Saving the token failed");
  };
  return runRecord(c, action, cmd);
}

int runCert(Context& c, const std::string& action) {
  RecordCommand<Certificate, HolderLookup> cmd{
      "cert",
      certUsage(),
      declareCert,
      L("give the certificate's SHA-256 (prefix) or id",
        "hãy cho SHA-256 (phần đầu) hoặc số hiệu của chứng thư số"),
      certHeader,
      certCells,
      certFields};
  cmd.addActions = {"import", "add"};
  cmd.lookups = [](Inventory& inv, const ArgParser& p) { return lookUpHolder(inv, p, true); };
  cmd.add = [](Inventory& inv, const ArgParser& p, const HolderLookup& l) -> Step<Certificate> {
    const auto& pos = p.positional();
    std::string file = p.getOr("file", pos.empty() ? "" : pos[0]);
    if (file.empty())
      return Failure{"kyso inventory cert add",
                     Error::kyso(Errc::UsageError, "add",
                                 L("give the certificate file", "hãy cho tệp chứng thư số"))};
    auto parsed = readCertificateFile(file);
    if (!parsed.ok()) return Failure{"Reading the certificate failed", parsed.error()};
    Certificate cert = parsed->cert;
    cert.tokenId = l.tokenId;
    cert.holderId = l.holderId;
    cert.unitId = l.unitId;
    cert.kind = p.getOr("kind", "personal");
    cert.state = stateOption(p, inventory::Subject::Certificate,
                             cert.notAfter < inv.today() ? "expired" : "valid");
    return fromResult(inv.addCertificate(cert, parsed->der), "Adding the certificate failed");
  };
  cmd.list = [](Inventory& inv, const ArgParser& p,
                const HolderLookup& l) -> Step<std::vector<Certificate>> {
    CertFilter f;
    f.state = stateOption(p, inventory::Subject::Certificate, "");
    f.unitId = l.unitId;
    f.holderId = l.holderId;
    f.tokenId = l.tokenId;
    auto before = dateOption(p, "expires-before");
    if (!before.ok()) return Failure{"Listing certificates failed", before.error()};
    f.expiresBefore = before->value_or("");
    f.limit = std::atol(p.getOr("limit", "0").c_str());
    return fromResult(inv.certificates(f), "Listing certificates failed");
  };
  cmd.find = [](Inventory& inv, const std::string& key, const HolderLookup&) {
    return fromResult(inv.certificate(key), "Finding the certificate failed");
  };
  cmd.edit = [](Inventory& inv, const ArgParser& p, const HolderLookup& l,
                Certificate e) -> Step<Certificate> {
    if (p.get("token")) e.tokenId = l.tokenId;
    if (p.get("holder")) e.holderId = l.holderId;
    if (p.get("unit")) e.unitId = l.unitId;
    if (auto k = p.get("kind")) e.kind = *k;
    if (p.get("state"))
      return Failure{"kyso inventory cert edit",
                     Error::kyso(Errc::UsageError, "cert edit",
                                 say("state changes only by `transition`",
                                     "trạng thái chỉ đổi bằng `transition`"))};
    return fromResult(inv.editCertificate(e), "Saving the certificate failed");
  };
  return runRecord(c, action, cmd);
}

}  // namespace kyso::cli::inv

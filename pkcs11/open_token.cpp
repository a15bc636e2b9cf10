#include "pkcs11/open_token.h"

#include <algorithm>

#include "pkcs11/module_candidates.h"

namespace kyso::p11 {

namespace {
ossl::Ptr<X509> shareCert(X509* c) {
  X509_up_ref(c);
  return ossl::Ptr<X509>(c);
}
}  // namespace

namespace {

// Whether the selection (its token name and URI) may mean the token in this slot. An
// uninitialised token (a fresh SoftHSM slot) is never picked implicitly.
bool slotMatches(const SlotView& s, const TokenSelector& sel, const std::optional<Pkcs11Uri>& uri) {
  if (!s.token) return false;
  const TokenView& t = *s.token;
  if (!sel.token.empty() && t.serial != sel.token && t.label != sel.token) return false;
  if (uri) {
    if (uri->token && *uri->token != t.label) return false;
    if (uri->serial && *uri->serial != t.serial) return false;
    if (uri->manufacturer && *uri->manufacturer != t.manufacturer) return false;
    if (uri->model && *uri->model != t.model) return false;
    if (uri->slotId && *uri->slotId != s.id) return false;
  }
  return !(sel.token.empty() && !(uri && (uri->token || uri->serial)) &&
           !t.has(CKF_TOKEN_INITIALIZED));
}

// A token a selection may mean, with its module kept loaded.
struct Found {
  std::shared_ptr<Module> module;
  std::string moduleName, moduleSpec;
  CK_SLOT_ID slot = 0;
  CK_FLAGS flags = 0;
  TokenView token;
};

// Every token that `sel` may mean in the given modules (name, what Module::load takes); the names
// of the modules that loaded are added to `searched`. A module that does not load, or whose
// slots cannot be listed, is left out: a broken or foreign driver does not hide the others'.
std::vector<Found> scanModules(const std::vector<std::pair<std::string, std::string>>& modules,
                               const TokenSelector& sel, const std::optional<Pkcs11Uri>& uri,
                               std::string& searched) {
  std::vector<Found> out;
  for (const auto& [name, spec] : modules) {
    auto m = Module::load(spec);
    if (!m.ok()) continue;
    searched += (searched.empty() ? "" : ", ") + name;
    auto slots = listSlots(**m, true);
    if (!slots.ok()) continue;
    for (const SlotView& s : *slots)
      if (slotMatches(s, sel, uri)) out.push_back({*m, name, spec, s.id, s.flags, *s.token});
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> installedModuleSpecs() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const InstalledModule& im : installedModules()) out.emplace_back(im.name, im.path.string());
  return out;
}

}  // namespace

Result<CK_SLOT_ID> selectSlot(const std::vector<SlotView>& slots, const TokenSelector& sel,
                              const std::optional<Pkcs11Uri>& uri) {
  std::vector<const SlotView*> hits;
  bool anyToken = false;
  for (const auto& s : slots) {
    if (!s.token) continue;
    anyToken = true;
    if (slotMatches(s, sel, uri)) hits.push_back(&s);
  }
  if (!anyToken) return Error::kyso(Errc::NoTokenPresent, "selectSlot");
  if (hits.empty()) return Error::kyso(Errc::TokenNotFound, "selectSlot", sel.token);
  if (hits.size() > 1) return Error::kyso(Errc::TokenAmbiguous, "selectSlot");
  return hits.front()->id;
}

Result<std::vector<TokenCandidate>> tokenCandidates(const TokenSelector& sel) {
  std::optional<Pkcs11Uri> uri;
  if (isPkcs11Uri(sel.key)) {
    KYSO_ASSIGN_OR_RETURN(uri, parsePkcs11Uri(sel.key));
  }
  std::vector<std::pair<std::string, std::string>> modules;  // (name, what Module::load takes)
  if (!sel.module.empty()) {
    modules.emplace_back(sel.module, sel.module);
  } else if (uri && (uri->modulePath || uri->moduleName)) {
    const std::string spec = uri->modulePath ? *uri->modulePath : *uri->moduleName;
    modules.emplace_back(spec, spec);
  } else {
    modules = installedModuleSpecs();
  }
  std::string searched;
  std::vector<TokenCandidate> out;
  for (const Found& f : scanModules(modules, sel, uri, searched))
    out.push_back({f.moduleName, f.moduleSpec, f.token.label, f.token.serial, f.token.model});
  return out;
}

Result<KeyPairView> selectKey(std::vector<KeyPairView> pairs, const TokenSelector& sel,
                              const std::optional<Pkcs11Uri>& uri) {
  std::optional<Bytes> wantId;
  std::optional<std::string> wantLabel;
  if (uri) {
    wantId = uri->id;
    wantLabel = uri->object;
  } else if (!sel.key.empty()) {
    wantId = parseHexId(sel.key);
    // Hex that matches no CKA_ID is tried as a label below.
    bool idMatches = false;
    if (wantId)
      for (const auto& p : pairs)
        if (p.key && p.key->id == *wantId) idMatches = true;
    if (!idMatches) {
      wantId.reset();
      wantLabel = sel.key;
    }
  }
  std::vector<KeyPairView> hits;
  for (auto& p : pairs) {
    if (!p.key || !p.key->canSign) continue;
    if (wantId && p.key->id != *wantId) continue;
    if (wantLabel && p.key->label != *wantLabel) continue;
    hits.push_back(std::move(p));
  }
  std::string what = wantLabel ? *wantLabel : wantId ? hexId(*wantId) : std::string();
  if (hits.empty()) return Error::kyso(Errc::KeyNotFound, "selectKey", what);
  if (hits.size() > 1) return Error::kyso(Errc::KeyAmbiguous, "selectKey", what);
  return std::move(hits.front());
}

// No module named: every installed module is searched (the list `token list` shows), and the
// selection must name exactly one token across all of them. The modules not chosen are released.
Result<CK_SLOT_ID> OpenToken::findInInstalledModules(OpenToken& t, const TokenSelector& sel) {
  std::string searched;
  std::vector<Found> hits = scanModules(installedModuleSpecs(), sel, t.m_uri, searched);
  if (hits.empty())
    return Error::kyso(sel.token.empty() ? Errc::NoTokenPresent : Errc::TokenNotFound,
                       "selectToken",
                       sel.token.empty() ? searched : detailArgs({sel.token, searched}))
        .because(searched.empty()    ? Detail::NoModuleInstalled
                 : sel.token.empty() ? Detail::ModulesSearched
                                     : Detail::TokenNotInModules);
  if (hits.size() > 1) {
    std::string list;
    for (const auto& h : hits)
      list += (list.empty() ? "" : "; ") + h.token.label + " (" + h.token.serial + ", " +
              h.moduleName + ")";
    return Error::kyso(Errc::TokenAmbiguous, "selectToken", list).because(Detail::ChooseOneToken);
  }
  t.m_module = hits.front().module;
  t.m_slotFlags = hits.front().flags;
  t.m_foundIn = hits.front().moduleName;
  return hits.front().slot;
}

Result<std::unique_ptr<OpenToken>> OpenToken::open(const TokenSelector& sel, PinPrompt& prompt,
                                                   const OpenOptions& opt,
                                                   std::shared_ptr<DeviceWorker> worker) {
  std::unique_ptr<OpenToken> t(new OpenToken());
  t->m_sel = sel;
  t->m_worker = worker ? std::move(worker) : std::make_shared<DeviceWorker>();
  if (isPkcs11Uri(sel.key)) {
    KYSO_ASSIGN_OR_RETURN(t->m_uri, parsePkcs11Uri(sel.key));
  }
  std::string moduleSpec = sel.module;
  if (moduleSpec.empty() && t->m_uri) {
    if (t->m_uri->modulePath)
      moduleSpec = *t->m_uri->modulePath;
    else if (t->m_uri->moduleName)
      moduleSpec = *t->m_uri->moduleName;
  }
  OpenToken* self = t.get();
  Status st = t->m_worker->call([&]() -> Status {
    CK_SLOT_ID slot = 0;
    if (moduleSpec.empty()) {
      KYSO_ASSIGN_OR_RETURN(slot, findInInstalledModules(*self, sel));
    } else {
      KYSO_ASSIGN_OR_RETURN(self->m_module, Module::load(moduleSpec));
      KYSO_ASSIGN_OR_RETURN(auto slots, listSlots(*self->m_module, true));
      KYSO_ASSIGN_OR_RETURN(slot, selectSlot(slots, sel, self->m_uri));
      for (const auto& s : slots)
        if (s.id == slot) self->m_slotFlags = s.flags;
    }
    KYSO_ASSIGN_OR_RETURN(self->m_session, TokenSession::open(self->m_module, slot, opt.readWrite,
                                                              &prompt, self->m_worker));
    self->m_session->setForce(sel.force);
    if (opt.login) {
      LoginOptions lo;
      lo.force = sel.force;
      KYSO_TRY(self->m_session->login(lo));
    }
    return okStatus();
  });
  if (!st.ok()) {
    t->m_worker->call([&] {
      self->m_session.reset();
      self->m_module.reset();
    });
    return st.error();
  }
  return t;
}

OpenToken::~OpenToken() {
  // Sessions and the module are released on the device thread. Objects handed out (a
  // SigningIdentity's EVP_PKEY) keep their own references and release later.
  if (m_worker)
    m_worker->call([this] {
      m_session.reset();
      m_module.reset();
    });
}

const TokenView& OpenToken::token() const {
  return m_session->token();
}

Status OpenToken::login(CK_USER_TYPE user) {
  return m_worker->call([&] {
    LoginOptions lo;
    lo.user = user;
    lo.force = m_sel.force;
    return m_session->login(lo);
  });
}

Result<std::vector<KeyPairView>> OpenToken::keyPairs() {
  return m_worker->call([&] { return listKeyPairs(m_session->session()); });
}

Result<KeyPairView> OpenToken::selectKeyOnWorker() {
  KYSO_ASSIGN_OR_RETURN(auto pairs, listKeyPairs(m_session->session()));
  return selectKey(std::move(pairs), m_sel, m_uri);
}

Result<std::shared_ptr<TokenKey>> OpenToken::selectedKey() {
  return m_worker->call([&]() -> Result<std::shared_ptr<TokenKey>> {
    KYSO_ASSIGN_OR_RETURN(KeyPairView p, selectKeyOnWorker());
    return std::make_shared<TokenKey>(m_session, *p.key);
  });
}

Result<ossl::Ptr<EVP_PKEY>> OpenToken::selectedEvpKey() {
  return m_worker->call([&]() -> Result<ossl::Ptr<EVP_PKEY>> {
    KYSO_ASSIGN_OR_RETURN(KeyPairView p, selectKeyOnWorker());
    KYSO_ASSIGN_OR_RETURN(auto pub, publicKeyFor(m_session->session(), *p.key));
    return makeTokenEvpKey(std::make_shared<TokenKey>(m_session, *p.key), pub.get());
  });
}

Result<SigningIdentity> OpenToken::signingIdentity() {
  return m_worker->call([&]() -> Result<SigningIdentity> {
    // One search for keys and one for certificates: each costs a USB round trip or more (issue 22).
    KYSO_ASSIGN_OR_RETURN(auto keys, listPrivateKeys(m_session->session()));
    KYSO_ASSIGN_OR_RETURN(auto certs, listCertificates(m_session->session()));
    std::vector<std::pair<Bytes, ossl::Ptr<X509>>> cas;  // the token's CA certificates, by id
    for (const auto& c : certs)
      if (c.cert && X509_check_ca(c.cert.get()) > 0)
        cas.emplace_back(c.id, shareCert(c.cert.get()));
    KYSO_ASSIGN_OR_RETURN(KeyPairView p,
                          selectKey(pairByCkaId(std::move(keys), std::move(certs)), m_sel, m_uri));
    if (!p.cert || !p.cert->cert)
      return Error::kyso(Errc::CertificateNotFound, "signingIdentity", hexId(p.id));
    auto key = std::make_shared<TokenKey>(m_session, *p.key);
    SigningIdentity id;
    KYSO_ASSIGN_OR_RETURN(id.key, makeTokenEvpKey(key, X509_get0_pubkey(p.cert->cert.get())));
    id.cert = std::move(p.cert->cert);
    id.chain.reset(sk_X509_new_null());
    for (auto& [caId, ca] : cas) {
      if (caId == p.id || X509_cmp(ca.get(), id.cert.get()) == 0) continue;
      if (sk_X509_push(id.chain.get(), ca.get())) (void)ca.release();
    }
    const TokenView& t = m_session->token();
    id.description = (p.key->label.empty() ? hexId(p.id) : p.key->label) + " (token " +
                     (t.label.empty() ? t.serial : t.label) + ", key " + hexId(p.id) + ")";
    m_signingKey = *p.key;
    m_signingCert = shareCert(id.cert.get());
    m_signingChain.reset(X509_chain_up_ref(id.chain.get()));
    m_signingDescription = id.description;
    return id;
  });
}

std::size_t OpenToken::signingLanes(std::size_t wanted) const {
  if (wanted <= 1 || !m_signingKey || m_signingKey->alwaysAuthenticate) return 1;
  if (m_slotFlags & (CKF_REMOVABLE_DEVICE | CKF_HW_SLOT)) return 1;
  if (!m_module || !m_module->threadSafe()) return 1;
  const TokenView& t = m_session->token();
  if (t.maxSessions) {
    unsigned long open = std::max<unsigned long>(t.sessions.value_or(1), 1);
    unsigned long free = *t.maxSessions > open ? *t.maxSessions - open : 0;
    wanted = std::min<std::size_t>(wanted, 1 + free);
  }
  return std::max<std::size_t>(wanted, 1);
}

Result<SigningLane> OpenToken::openSigningLane() {
  if (!m_signingKey || !m_signingCert)
    return Error::kyso(Errc::KeyNotFound, "openSigningLane", "no key selected yet")
        .because(Detail::Technical);
  auto laneWorker = std::make_shared<DeviceWorker>();
  KYSO_ASSIGN_OR_RETURN(auto laneSession,
                        m_worker->call([&] { return m_session->openSibling(laneWorker); }));
  // A token object has the same handle in every session of this application (PKCS#11 object
  // handles are per application, not per session).
  auto key = std::make_shared<TokenKey>(std::move(laneSession), *m_signingKey);
  SigningIdentity id;
  KYSO_ASSIGN_OR_RETURN(id.key, makeTokenEvpKey(key, X509_get0_pubkey(m_signingCert.get())));
  id.cert = shareCert(m_signingCert.get());
  id.chain.reset(X509_chain_up_ref(m_signingChain.get()));
  id.description = m_signingDescription;
  return SigningLane{std::move(id), std::move(laneWorker)};
}

}  // namespace kyso::p11

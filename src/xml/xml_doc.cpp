#include "src/xml/xml_doc.h"

#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/valid.h>
#include <libxml/xmlsave.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/xmlsec.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <optional>

namespace kyso::xml {
namespace {

constexpr std::size_t kMaxDocument = std::size_t{512} << 20;

thread_local std::string t_errors;
thread_local bool t_sawDoctype = false;

void collect(const std::string& line) {
  if (line.empty() || t_errors.size() > 4096) return;
  if (!t_errors.empty()) t_errors += "; ";
  t_errors += line;
}

void onXmlsecError(const char*, int, const char* func, const char* object, const char* subject, int,
                   const char* msg) {
  std::string s = func ? func : "";
  if (object && *object) s += std::string(" ") + object;
  if (subject && *subject) s += std::string(" ") + subject;
  if (msg && *msg) s += std::string(": ") + msg;
  collect(s);
}

void onXmlError(void*, const xmlError* e) {
  if (!e || !e->message) return;
  std::string m = e->message;
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  if (e->line > 0) m += " (line " + std::to_string(e->line) + ")";
  collect(m);
}

// libxml2's error handlers are per thread: every entry point sets them on its own thread.
void quietThisThread() {
  xmlSetStructuredErrorFunc(nullptr, reinterpret_cast<xmlStructuredErrorFunc>(&onXmlError));
}

// The DOCTYPE's SAX callbacks: the parse stops before any declaration inside it is read.
void onDoctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  t_sawDoctype = true;
  xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Where the parser's bytes come from, in chunks: memory, or a file descriptor. Reading a file
// (or memory) in chunks also avoids libxml2 2.9's handling of one large memory buffer, which it
// copies whole and then moves forward as it parses (seconds on a 50 MB claim file).
struct Reader {
  std::string_view bytes;  // memory, when fd < 0
  std::size_t at = 0;
  int fd = -1;
  bool failed = false;
};

int readChunk(void* ctx, char* buf, int len) {
  auto* r = static_cast<Reader*>(ctx);
  if (r->fd >= 0) {
    for (;;) {
      const ssize_t n = ::read(r->fd, buf, static_cast<std::size_t>(len));
      if (n >= 0) return static_cast<int>(n);
      if (errno != EINTR) {
        r->failed = true;
        return -1;
      }
    }
  }
  const std::size_t n = std::min(static_cast<std::size_t>(len), r->bytes.size() - r->at);
  std::memcpy(buf, r->bytes.data() + r->at, n);
  r->at += n;
  return static_cast<int>(n);
}

struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

Status initLibraries() {
  static Status once = [] {
    xmlInitParser();
    if (xmlSecInit() < 0)
      return Status(Error::kyso(Errc::ComponentUnavailable, "xmlSecInit", "xmlsec1"));
    if (xmlSecCheckVersion() != 1)
      return Status(Error::kyso(Errc::ComponentUnavailable, "xmlSecCheckVersion",
                                "xmlsec1 " XMLSEC_VERSION " expected"));
    if (xmlSecCryptoAppInit(nullptr) < 0 || xmlSecCryptoInit() < 0)
      return Status(Error::kyso(Errc::ComponentUnavailable, "xmlSecCryptoInit", "xmlsec1-openssl"));
    xmlSecErrorsSetCallback(&onXmlsecError);  // after xmlSecInit, which sets its own
    return Status();
  }();
  quietThisThread();
  t_errors.clear();
  return once;
}

std::string takeLibraryErrors() {
  std::string s = std::move(t_errors);
  t_errors.clear();
  return s;
}

Result<ParsedXml> parseUntrusted(const XmlSource& source) {
  ParsedXml out;
  Reader reader;
  reader.bytes = source.bytes;
  FdCloser closer{-1};
  std::string head;  // the first bytes, for the byte-order mark and the declaration
  if (!source.file.empty()) {
    const int fd = ::open(source.file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
      return errno == ENOENT ? Error::posix(errno, "open", source.file.string())
                             : Error::kyso(Errc::FileUnreadable, "open",
                                           source.file.string() + ": " + std::strerror(errno));
    closer.fd = reader.fd = fd;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
      return Error::kyso(Errc::FileUnreadable, "open", source.file.string() + ": not a file");
    if (static_cast<std::uint64_t>(st.st_size) > kMaxDocument)
      return Error::kyso(Errc::InputTooLarge, "parseXml", "512").because(Detail::LargerThanMiB);
    head.resize(8);
    const ssize_t n = ::pread(fd, head.data(), head.size(), 0);
    head.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  } else {
    if (source.bytes.size() > kMaxDocument)
      return Error::kyso(Errc::InputTooLarge, "parseXml", "512").because(Detail::LargerThanMiB);
    head = std::string(source.bytes.substr(0, 8));
  }
  std::string_view h = head;
  out.bom = h.substr(0, 3) == kBom;
  out.declaration = h.substr(out.bom ? 3 : 0, 5) == "<?xml";
  quietThisThread();
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt)
    return Error::kyso(Errc::XmlMalformed, "xmlNewParserCtxt", "out of memory")
        .because(Detail::Technical);
  ctxt->sax->internalSubset = &onDoctype;
  ctxt->sax->externalSubset = &onDoctype;
  t_sawDoctype = false;
  const int options = XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  xmlDoc* doc = xmlCtxtReadIO(ctxt, &readChunk, nullptr, &reader, "document.xml", nullptr, options);
  out.doc.reset(doc);
  std::string why;
  int line = 0;
  if (const xmlError* e = xmlCtxtGetLastError(ctxt); e && e->message) {
    why = e->message;
    line = e->line;
  }
  const bool wellFormed = ctxt->wellFormed != 0;
  xmlFreeParserCtxt(ctxt);
  if (t_sawDoctype) return Error::kyso(Errc::XmlDtdRefused, "parseXml", "<!DOCTYPE>");
  if (reader.failed) return Error::kyso(Errc::FileUnreadable, "read", source.file.string());
  if (!doc || !wellFormed || !xmlDocGetRootElement(doc)) {
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    if (line > 0) why += " (line " + std::to_string(line) + ")";
    return Error::kyso(Errc::XmlMalformed, "parseXml", why.empty() ? "no root element" : why)
        .because(Detail::Technical);
  }
  return out;
}

Status serialize(xmlDoc* doc, bool bom, bool declaration, const XmlSink& out) {
  struct Writer {
    const XmlSink& out;
    std::string pending;  // pieces gathered to 1 MiB before each write
    std::optional<Error> error;
    bool flush() {
      if (pending.empty() || error) return !error;
      if (auto st = out(pending); !st.ok()) error = st.error();
      pending.clear();
      return !error;
    }
  } w{out, {}, {}};
  w.pending.reserve(std::size_t{1} << 20);
  if (bom) w.pending = kBom;
  int options = XML_SAVE_AS_XML;
  if (!declaration) options |= XML_SAVE_NO_DECL;
  const char* encoding = doc->encoding ? reinterpret_cast<const char*>(doc->encoding) : "UTF-8";
  auto write = [](void* ctx, const char* buf, int len) -> int {
    auto* wr = static_cast<Writer*>(ctx);
    wr->pending.append(buf, static_cast<std::size_t>(len));
    if (wr->pending.size() >= (std::size_t{1} << 20) && !wr->flush()) return -1;
    return len;
  };
  xmlSaveCtxtPtr save = xmlSaveToIO(write, nullptr, &w, encoding, options);
  long written = save ? xmlSaveDoc(save, doc) : -1;
  if (save && xmlSaveClose(save) < 0) written = -1;
  if (written >= 0) w.flush();
  if (w.error) return *w.error;
  if (written < 0) return Error::kyso(Errc::XmlMalformed, "xmlSaveDoc", takeLibraryErrors());
  return Status();
}

std::string serializeElement(xmlDoc* doc, xmlNode* element) {
  xmlBufferPtr buf = xmlBufferCreate();
  if (!buf) return {};
  std::string text;
  if (xmlNodeDump(buf, doc, element, 0, 0) >= 0)
    text.assign(reinterpret_cast<const char*>(xmlBufferContent(buf)),
                static_cast<std::size_t>(xmlBufferLength(buf)));
  xmlBufferFree(buf);
  return text;
}

IdIndex indexIds(xmlDoc* doc) {
  IdIndex index;
  walkElements(xmlDocGetRootElement(doc), [&](xmlNode* n) {
    for (xmlAttr* a = n->properties; a; a = a->next) {
      const char* name = reinterpret_cast<const char*>(a->name);
      const bool xmlId = a->ns && a->ns->prefix &&
                         std::strcmp(reinterpret_cast<const char*>(a->ns->prefix), "xml") == 0 &&
                         std::strcmp(name, "id") == 0;
      const bool plain = !a->ns && (std::strcmp(name, "Id") == 0 || std::strcmp(name, "ID") == 0 ||
                                    std::strcmp(name, "id") == 0);
      if (!xmlId && !plain) continue;
      xmlChar* v = xmlNodeListGetString(doc, a->children, 1);
      std::string value = v ? reinterpret_cast<const char*>(v) : "";
      xmlFree(v);
      auto& nodes = index[value];
      if (nodes.empty() && !xmlGetID(doc, reinterpret_cast<const xmlChar*>(value.c_str())))
        xmlAddID(nullptr, doc, reinterpret_cast<const xmlChar*>(value.c_str()), a);
      nodes.push_back(n);
    }
  });
  return index;
}

std::string localName(const xmlNode* n) {
  return n && n->name ? reinterpret_cast<const char*>(n->name) : "";
}

bool isDsig(const xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
         std::strcmp(reinterpret_cast<const char*>(n->ns->href), kDsigNs) == 0 &&
         std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

xmlNode* dsigChild(const xmlNode* n, const char* name) {
  for (xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (isDsig(c, name)) return c;
  return nullptr;
}

std::vector<xmlNode*> elementChildren(const xmlNode* n) {
  std::vector<xmlNode*> out;
  for (xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) out.push_back(c);
  return out;
}

std::string elementPath(const xmlNode* n) {
  std::string path;
  for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
    int before = 0, after = 0;
    for (xmlNode* s = n->prev; s; s = s->prev)
      if (s->type == XML_ELEMENT_NODE && localName(s) == localName(n)) ++before;
    for (xmlNode* s = n->next; s; s = s->next)
      if (s->type == XML_ELEMENT_NODE && localName(s) == localName(n)) ++after;
    std::string step = "/" + localName(n);
    if (before + after > 0) step += "[" + std::to_string(before + 1) + "]";
    path = step + path;
  }
  return path;
}

bool isWithin(const xmlNode* inner, const xmlNode* outer) {
  for (const xmlNode* n = inner; n; n = n->parent)
    if (n == outer) return true;
  return false;
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

std::string trimmedText(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace kyso::xml

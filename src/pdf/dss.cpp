#include "src/pdf/dss.h"

#include <openssl/evp.h>

#include <map>

#include "src/pdf/incremental_update.h"
#include "src/pdf/pdf_syntax.h"

namespace kyso::pdf {
namespace {

std::string sha1Hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha1(), nullptr);
  return hexUpper(std::span<const unsigned char>(md, len));
}

std::string refList(const std::vector<int>& nums) {
  std::string s = "[";
  for (int n : nums) s += (s.size() > 1 ? " " : "") + std::to_string(n) + " 0 R";
  return s + "]";
}

// Existing array entries of the DSS (references), unparsed and without brackets.
std::string existingItems(QPDFObjectHandle dss, const char* key) {
  if (!dss.isDictionary()) return {};
  auto a = dss.getKey(key);
  if (!a.isArray()) return {};
  std::string s;
  for (auto& item : a.getArrayAsVector()) s += " " + item.unparse();
  return s;
}

}  // namespace

Status appendDss(RevisionWriter& out, PdfDocument& doc, const std::vector<VriEntry>& entries) {
  if (doc.fileSize() != out.size())
    return Error::kyso(Errc::FileUnreadable, "appendDss", "document and output differ in size")
        .because(Detail::Technical);
  bool any = false;
  for (const auto& e : entries)
    any = any || !e.certs.empty() || !e.ocsps.empty() || !e.crls.empty();
  if (!any)
    return Error::kyso(Errc::UsageError, "appendDss", "no validation material")
        .because(Detail::Technical);

  return guardQpdf("appendDss", [&]() -> Status {
    IncrementalUpdate up(doc);
    // One stream object per distinct DER, shared by every VRI entry that needs it.
    std::map<std::string, int> streams;
    std::vector<int> certNums, ocspNums, crlNums;
    auto streamFor = [&](const std::string& der, std::vector<int>& all) {
      auto it = streams.find(der);
      if (it != streams.end()) return it->second;
      int n = up.allocate();
      up.setObject(
          n, 0, "<< /Length " + std::to_string(der.size()) + " >>\nstream\n" + der + "\nendstream");
      streams.emplace(der, n);
      all.push_back(n);
      return n;
    };
    std::string vri;
    for (const auto& e : entries) {
      std::vector<int> c, o, r;
      for (const auto& d : e.certs) c.push_back(streamFor(d, certNums));
      for (const auto& d : e.ocsps) o.push_back(streamFor(d, ocspNums));
      for (const auto& d : e.crls) r.push_back(streamFor(d, crlNums));
      std::string_view contents(reinterpret_cast<const char*>(e.signatureContents.data()),
                                e.signatureContents.size());
      vri += " /" + sha1Hex(contents) + " <<";
      if (!c.empty()) vri += " /Cert " + refList(c);
      if (!o.empty()) vri += " /OCSP " + refList(o);
      if (!r.empty()) vri += " /CRL " + refList(r);
      vri += " >>";
    }
    QPDF& q = doc.qpdf();
    QPDFObjectHandle root = q.getRoot();
    QPDFObjectHandle old = root.getKey("/DSS");
    auto merged = [&](const char* key, const std::vector<int>& nums) {
      std::string items = existingItems(old, key);
      for (int n : nums) items += " " + std::to_string(n) + " 0 R";
      return items.empty() ? std::string() : std::string(" ") + key + " [" + items + " ]";
    };
    // Existing VRI entries are kept (their keys differ: one per signature).
    std::string oldVri;
    if (old.isDictionary() && old.getKey("/VRI").isDictionary()) {
      for (auto& [k, v] : old.getKey("/VRI").getDictAsMap())
        if (vri.find(k + " ") == std::string::npos) oldVri += " " + k + " " + v.unparse();
    }
    std::string dss = "<< /Type /DSS" + merged("/Certs", certNums) + merged("/OCSPs", ocspNums) +
                      merged("/CRLs", crlNums) + " /VRI <<" + oldVri + vri + " >> >>";
    if (old.isDictionary() && old.isIndirect()) {
      up.setObject(old.getObjGen().getObj(), old.getObjGen().getGen(), dss);
    } else {
      int dssNum = up.allocate();
      up.setObject(dssNum, 0, dss);
      QPDFObjectHandle cat = root.shallowCopy();
      cat.replaceKey("/DSS", QPDFObjectHandle::newName("/KysoDssRef"));
      std::string body = cat.unparse();
      auto p = body.find("/KysoDssRef");
      body.replace(p, 11, std::to_string(dssNum) + " 0 R");
      up.setObject(root.getObjGen().getObj(), root.getObjGen().getGen(), body);
    }
    RenderedUpdate r = up.render();
    return out.append(r.bytes);
  });
}

}  // namespace kyso::pdf

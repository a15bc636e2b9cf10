#include "src/pdfverify/value_compare.h"

#include <cmath>
#include <limits>
#include <optional>
#include <qpdf/Buffer.hh>
#include <qpdf/Pipeline.hh>
#include <set>
#include <stdexcept>

namespace kyso::pdfverify {

namespace {

constexpr int kMaxDepth = 200;                      // nesting, counting resolved references
constexpr std::size_t kMaxWork = 2000000;           // values visited by one comparer
constexpr std::size_t kMaxStreamBytes = 64u << 20;  // raw or decoded, per stream

bool dataKey(const std::string& k) {
  return k == "/Length" || k == "/Filter" || k == "/DecodeParms" || k == "/DL";
}

// Collects a stream's bytes up to a bound; past it, throws (a decompression bomb stops here).
class BoundedSink final : public Pipeline {
 public:
  BoundedSink() : Pipeline("kyso compare", nullptr) {}
  void write(unsigned char const* data, size_t len) override {
    if (m_data.size() + len > kMaxStreamBytes) throw std::length_error("stream too large");
    m_data.append(reinterpret_cast<const char*>(data), len);
  }
  void finish() override {}
  std::string m_data;
};

// The stream's data decoded at `level` (qpdf_dl_none: as stored), or nothing when it cannot be.
std::optional<std::string> streamBytes(QPDFObjectHandle s, qpdf_stream_decode_level_e level) {
  BoundedSink sink;
  try {
    if (!s.pipeStreamData(&sink, 0, level, true, false)) return std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return std::move(sink.m_data);
}
std::optional<std::string> decoded(QPDFObjectHandle s) {
  return streamBytes(s, qpdf_dl_generalized);
}
std::optional<std::string> raw(QPDFObjectHandle s) {
  return streamBytes(s, qpdf_dl_none);
}

}  // namespace

bool sameNumber(QPDFObjectHandle a, QPDFObjectHandle b) {
  if (a.isInteger() && b.isInteger()) return a.getIntValue() == b.getIntValue();
  const double x = a.getNumericValue(), y = b.getNumericValue();
  if (x == y) return true;
  // Writers print the same single-precision value with more or fewer digits (values out of
  // float range, or not numbers, compare as doubles only).
  constexpr double kMax = std::numeric_limits<float>::max();
  if (!(std::fabs(x) <= kMax) || !(std::fabs(y) <= kMax)) return false;
  return static_cast<float>(x) == static_cast<float>(y);
}

ValueComparer::ValueComparer(const Budget& budget, std::function<bool(QPDFObjGen)> judgedAlone)
    : m_budget(budget), m_judgedAlone(std::move(judgedAlone)) {}

bool ValueComparer::spend() {
  if (++m_work > kMaxWork || ((m_work & 4095) == 0 && m_budget.expired())) {
    m_exhausted = true;
    return false;
  }
  return true;
}

bool ValueComparer::equal(QPDFObjectHandle a, QPDFObjectHandle b) {
  return eq(a, b, 0);
}

bool ValueComparer::eq(QPDFObjectHandle a, QPDFObjectHandle b, int depth) {
  if (!spend()) return false;
  if (depth > kMaxDepth) {
    m_exhausted = true;
    return false;
  }
  if (a.isIndirect() && b.isIndirect()) {
    const QPDFObjGen ga = a.getObjGen(), gb = b.getObjGen();
    if (ga == gb && m_judgedAlone && m_judgedAlone(ga)) return true;
    const auto key = std::make_pair(ga, gb);
    if (auto it = m_memo.find(key); it != m_memo.end()) return it->second != 2;
    m_memo[key] = 0;
    const bool same = eqValue(a, b, depth + 1);
    m_memo[key] = same ? 1 : 2;
    return same;
  }
  // Direct values, or a direct value against a reference: what the reference holds counts.
  return eqValue(a, b, depth + 1);
}

bool ValueComparer::eqValue(QPDFObjectHandle a, QPDFObjectHandle b, int depth) {
  if (a.isNull() || b.isNull()) return a.isNull() && b.isNull();
  if (a.isNumber() || b.isNumber()) return a.isNumber() && b.isNumber() && sameNumber(a, b);
  if (a.isStream() || b.isStream()) return a.isStream() && b.isStream() && eqStream(a, b);
  if (a.getTypeCode() != b.getTypeCode()) return false;
  if (a.isBool()) return a.getBoolValue() == b.getBoolValue();
  if (a.isName()) return a.getName() == b.getName();
  if (a.isString()) return a.getStringValue() == b.getStringValue();
  if (a.isArray()) {
    const int n = a.getArrayNItems();
    if (n != b.getArrayNItems()) return false;
    for (int i = 0; i < n; ++i)
      if (!eq(a.getArrayItem(i), b.getArrayItem(i), depth)) return false;
    return true;
  }
  if (a.isDictionary()) return eqDict(a, b, depth, false);
  return a.unparse() == b.unparse();  // operators and inline images (content streams only)
}

bool ValueComparer::eqDict(QPDFObjectHandle a, QPDFObjectHandle b, int depth, bool streamDict) {
  std::set<std::string> keys;
  for (auto& k : a.getKeys()) keys.insert(k);
  for (auto& k : b.getKeys()) keys.insert(k);
  for (auto& k : keys) {
    if (streamDict && dataKey(k)) continue;
    if (!eq(a.getKey(k), b.getKey(k), depth)) return false;
  }
  return true;
}

bool ValueComparer::eqStream(QPDFObjectHandle a, QPDFObjectHandle b) {
  if (!eqDict(a.getDict(), b.getDict(), 1, true)) return false;
  // The same encoded bytes with the same filters decode to the same data.
  auto ra = raw(a), rb = raw(b);
  if (!ra || !rb) {
    m_exhausted = true;
    return false;
  }
  auto fa = a.getDict().getKey("/Filter"), fb = b.getDict().getKey("/Filter");
  auto pa = a.getDict().getKey("/DecodeParms"), pb = b.getDict().getKey("/DecodeParms");
  if (*ra == *rb && fa.unparseResolved() == fb.unparseResolved() &&
      pa.unparseResolved() == pb.unparseResolved())
    return true;
  auto da = decoded(a), db = decoded(b);
  if (!da || !db) return false;  // one cannot be decoded and the bytes differ
  return *da == *db;
}

std::vector<std::string> ValueComparer::differingKeys(QPDFObjectHandle a, QPDFObjectHandle b) {
  std::vector<std::string> out;
  const bool streams = a.isStream() && b.isStream();
  auto da = a.isStream() ? a.getDict() : a;
  auto db = b.isStream() ? b.getDict() : b;
  if (!da.isDictionary() || !db.isDictionary()) {
    if (!eqValue(a, b, 1)) out.push_back("");
    return out;
  }
  std::set<std::string> keys;
  for (auto& k : da.getKeys()) keys.insert(k);
  for (auto& k : db.getKeys()) keys.insert(k);
  for (auto& k : keys) {
    if (streams && dataKey(k)) continue;
    if (!eq(da.getKey(k), db.getKey(k), 1)) out.push_back(k);
  }
  if (a.isStream() != b.isStream()) {
    out.push_back("(data)");
  } else if (streams) {
    // Compare the data alone: the dictionaries were compared key by key above.
    auto ra = raw(a), rb = raw(b);
    bool same =
        ra && rb && *ra == *rb &&
        da.getKey("/Filter").unparseResolved() == db.getKey("/Filter").unparseResolved() &&
        da.getKey("/DecodeParms").unparseResolved() == db.getKey("/DecodeParms").unparseResolved();
    if (!same) {
      auto xa = decoded(a), xb = decoded(b);
      same = xa && xb && *xa == *xb;
    }
    if (!same) out.push_back("(data)");
  }
  return out;
}

}  // namespace kyso::pdfverify

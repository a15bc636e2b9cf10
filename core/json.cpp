#include "core/json.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/utf8.h"

namespace kyso {
namespace {

const Json& nullJson() {
  static const Json j;
  return j;
}

class Parser {
 public:
  explicit Parser(std::string_view t) : m_t(t) {}

  Result<Json> run() {
    auto v = value(0);
    if (!v) return v;
    skipWs();
    if (m_i != m_t.size()) return fail("trailing characters");
    return v;
  }

 private:
  std::string_view m_t;
  std::size_t m_i = 0;

  Error fail(const std::string& why) {
    return Error::kyso(Errc::UsageError, "json_parse", why + " at offset " + std::to_string(m_i))
        .because(Detail::Technical);
  }
  void skipWs() {
    while (m_i < m_t.size() &&
           (m_t[m_i] == ' ' || m_t[m_i] == '\n' || m_t[m_i] == '\r' || m_t[m_i] == '\t'))
      ++m_i;
  }
  bool eat(std::string_view w) {
    if (m_t.substr(m_i, w.size()) == w) {
      m_i += w.size();
      return true;
    }
    return false;
  }

  Result<Json> value(int depth) {
    if (depth > 64) return fail("nesting too deep");
    skipWs();
    if (m_i >= m_t.size()) return fail("unexpected end");
    char c = m_t[m_i];
    if (c == '{') return object(depth);
    if (c == '[') return array(depth);
    if (c == '"') {
      auto s = string();
      if (!s) return s.error();
      return Json(std::move(s).value());
    }
    if (eat("true")) return Json(true);
    if (eat("false")) return Json(false);
    if (eat("null")) return Json();
    return number();
  }

  Result<Json> number() {
    std::size_t start = m_i;
    bool is_double = false;
    if (m_i < m_t.size() && m_t[m_i] == '-') ++m_i;
    while (m_i < m_t.size()) {
      char c = m_t[m_i];
      if (c >= '0' && c <= '9') {
        ++m_i;
      } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
        is_double = true;
        ++m_i;
      } else {
        break;
      }
    }
    if (start == m_i) return fail("unexpected character");
    std::string s(m_t.substr(start, m_i - start));
    char* end = nullptr;
    if (is_double) {
      double d = std::strtod(s.c_str(), &end);
      if (*end) return fail("bad number");
      return Json(d);
    }
    long long v = std::strtoll(s.c_str(), &end, 10);
    if (*end) return fail("bad number");
    return Json(v);
  }

  Result<unsigned> hex4() {
    if (m_i + 4 > m_t.size()) return fail("bad escape");
    unsigned v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = m_t[m_i++];
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        v |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        v |= static_cast<unsigned>(c - 'A' + 10);
      else
        return fail("bad escape");
    }
    return v;
  }

  Result<std::string> string() {
    ++m_i;  // opening quote
    std::string out;
    while (m_i < m_t.size()) {
      char c = m_t[m_i++];
      if (c == '"') return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (m_i >= m_t.size()) break;
      char e = m_t[m_i++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          auto cp = hex4();
          if (!cp) return cp.error();
          unsigned v = *cp;
          if (v >= 0xD800 && v < 0xDC00 && eat("\\u")) {
            auto lo = hex4();
            if (!lo) return lo.error();
            v = 0x10000 + ((v - 0xD800) << 10) + (*lo - 0xDC00);
          }
          appendUtf8(out, v);
          break;
        }
        default:
          return fail("bad escape");
      }
    }
    return fail("unterminated string");
  }

  Result<Json> array(int depth) {
    ++m_i;
    Json a = Json::array();
    skipWs();
    if (eat("]")) return a;
    for (;;) {
      auto v = value(depth + 1);
      if (!v) return v;
      a.push(std::move(v).value());
      skipWs();
      if (eat("]")) return a;
      if (!eat(",")) return fail("expected , or ]");
    }
  }

  Result<Json> object(int depth) {
    ++m_i;
    Json o = Json::object();
    skipWs();
    if (eat("}")) return o;
    for (;;) {
      skipWs();
      if (m_i >= m_t.size() || m_t[m_i] != '"') return fail("expected a key");
      auto k = string();
      if (!k) return k.error();
      skipWs();
      if (!eat(":")) return fail("expected :");
      auto v = value(depth + 1);
      if (!v) return v;
      o.set(std::move(k).value(), std::move(v).value());
      skipWs();
      if (eat("}")) return o;
      if (!eat(",")) return fail("expected , or }");
    }
  }
};

}  // namespace

std::string jsonQuote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

const std::string& Json::asString() const {
  static const std::string empty;
  return isString() ? std::get<4>(m_v) : empty;
}
const Json::Array& Json::items() const {
  static const Array empty;
  return isArray() ? std::get<5>(m_v) : empty;
}
const Json::Object& Json::members() const {
  static const Object empty;
  return isObject() ? std::get<6>(m_v) : empty;
}

Json& Json::set(std::string key, Json value) {
  if (!isObject()) m_v = Object{};
  auto& o = std::get<6>(m_v);
  for (auto& [k, v] : o)
    if (k == key) {
      v = std::move(value);
      return *this;
    }
  o.emplace_back(std::move(key), std::move(value));
  return *this;
}

Json& Json::push(Json value) {
  if (!isArray()) m_v = Array{};
  std::get<5>(m_v).push_back(std::move(value));
  return *this;
}

const Json& Json::operator[](std::string_view key) const {
  if (!isObject()) return nullJson();
  for (const auto& [k, v] : std::get<6>(m_v))
    if (k == key) return v;
  return nullJson();
}

const Json& Json::operator[](std::size_t i) const {
  if (!isArray() || i >= std::get<5>(m_v).size()) return nullJson();
  return std::get<5>(m_v)[i];
}

bool Json::contains(std::string_view key) const {
  if (!isObject()) return false;
  for (const auto& [k, v] : std::get<6>(m_v))
    if (k == key) return true;
  return false;
}

std::size_t Json::size() const {
  if (isArray()) return std::get<5>(m_v).size();
  if (isObject()) return std::get<6>(m_v).size();
  return 0;
}

void Json::dumpTo(std::string& out, int indent, int level) const {
  auto newline = [&](int lvl) {
    if (indent < 0) return;
    out += '\n';
    out.append(static_cast<std::size_t>(indent * lvl), ' ');
  };
  switch (m_v.index()) {
    case 0:
      out += "null";
      break;
    case 1:
      out += std::get<1>(m_v) ? "true" : "false";
      break;
    case 2:
      out += std::to_string(std::get<2>(m_v));
      break;
    case 3: {
      double d = std::get<3>(m_v);
      if (!std::isfinite(d)) {
        out += "null";
      } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", d);
        out += buf;
      }
      break;
    }
    case 4:
      out += jsonQuote(std::get<4>(m_v));
      break;
    case 5: {
      const auto& a = std::get<5>(m_v);
      out += '[';
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (i) out += ',';
        newline(level + 1);
        a[i].dumpTo(out, indent, level + 1);
      }
      if (!a.empty()) newline(level);
      out += ']';
      break;
    }
    case 6: {
      const auto& o = std::get<6>(m_v);
      out += '{';
      for (std::size_t i = 0; i < o.size(); ++i) {
        if (i) out += ',';
        newline(level + 1);
        out += jsonQuote(o[i].first);
        out += indent < 0 ? ":" : ": ";
        o[i].second.dumpTo(out, indent, level + 1);
      }
      if (!o.empty()) newline(level);
      out += '}';
      break;
    }
  }
}

std::string Json::dump(int indent) const {
  std::string out;
  dumpTo(out, indent, 0);
  return out;
}

Result<Json> Json::parse(std::string_view text) {
  if (text.size() > (64u << 20)) return Error::kyso(Errc::InputTooLarge, "json_parse");
  return Parser(text).run();
}

}  // namespace kyso

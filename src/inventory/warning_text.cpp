#include "src/inventory/warning_text.h"

#include "src/inventory/state_names.h"

namespace kyso::inventory {
namespace {

std::string pick(Lang lang, std::string en, std::string vi) {
  return lang == Lang::Vi ? std::move(vi) : std::move(en);
}

// "2026-12-31" -> "31/12/2026" (Vietnamese dates); anything else as it is.
std::string dateText(const std::string& iso, Lang lang) {
  if (lang != Lang::Vi || iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

}  // namespace

std::string warningLabel(std::string_view kind, Lang lang) {
  if (kind == "lost_token_cert_valid")
    return pick(lang, "LOST token, certificate not revoked",
                "token BỊ MẤT, chứng thư chưa thu hồi");
  if (kind == "expiring_7") return pick(lang, "expires within 7 days", "hết hạn trong 7 ngày");
  if (kind == "expiring_30") return pick(lang, "expires within 30 days", "hết hạn trong 30 ngày");
  if (kind == "expiring_60") return pick(lang, "expires within 60 days", "hết hạn trong 60 ngày");
  if (kind == "holder_left") return pick(lang, "holder has left", "người giữ đã thôi việc");
  if (kind == "stock_token_with_cert")
    return pick(lang, "certificate left on a token in stock", "chứng thư còn trên token trong kho");
  if (kind == "revoked_cert_on_active_token")
    return pick(lang, "revoked certificate in use", "chứng thư đã thu hồi vẫn đang dùng");
  return std::string(kind);
}

std::string warningSubject(const Warning& w, Lang lang) {
  if (!w.tokenSerial.empty()) return "token " + w.tokenSerial;
  if (!w.certificate.empty()) return pick(lang, "certificate ", "chứng thư số ") + w.certificate;
  return w.subject;
}

std::string warningText(const Warning& w, Lang lang) {
  const std::string cert =
      w.certificate + (w.certSubject.empty() ? "" : " (" + w.certSubject + ")");
  const std::string state = stateLabel(Subject::Certificate, w.certState, lang);
  if (w.kind == "lost_token_cert_valid")
    return pick(
        lang,
        "lost, and its certificate " + cert + " is " + state + ": ask the CA to revoke it now",
        "bị mất, chứng thư số " + cert + " đang ở trạng thái \"" + state +
            "\": đề nghị CA thu hồi ngay");
  if (w.kind.starts_with("expiring"))
    return pick(
        lang,
        w.certSubject + " expires on " + w.date + (w.holder.empty() ? "" : " (" + w.holder + ")"),
        w.certSubject + " hết hạn ngày " + dateText(w.date, lang) +
            (w.holder.empty() ? "" : " (" + w.holder + ")") + " (còn " + std::to_string(w.days) +
            " ngày): đề nghị gia hạn");
  if (w.kind == "holder_left" && !w.tokenSerial.empty())
    return pick(lang, w.holder + " left on " + w.date + " but still holds it",
                w.holder + " đã thôi việc từ " + dateText(w.date, lang) +
                    " nhưng vẫn giữ token: thu hồi token");
  if (w.kind == "holder_left")
    return pick(lang, w.holder + " left on " + w.date + " but the certificate is not revoked",
                w.holder + " đã thôi việc từ " + dateText(w.date, lang) +
                    " nhưng chứng thư số chưa bị thu hồi: đề nghị CA thu hồi");
  if (w.kind == "stock_token_with_cert")
    return pick(lang, "in stock with certificate " + w.certificate + " (" + state + ") still on it",
                "đang trong kho mà chứng thư số " + w.certificate + " (" + state +
                    ") vẫn còn trên token: xóa hoặc thu hồi chứng thư");
  if (w.kind == "revoked_cert_on_active_token")
    return pick(lang, "revoked certificate " + w.certificate + " is still on this active token",
                "chứng thư số đã thu hồi " + w.certificate +
                    " vẫn còn trên token đang dùng: đề nghị cấp chứng thư mới");
  return w.detail;
}

}  // namespace kyso::inventory

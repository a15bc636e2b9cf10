// The declared transition tables: every (from, to) pair of every subject is tried, both in the
// pure judge and against a real database (SQLite and PostgreSQL): allowed pairs move the record and
// record an event and an audit entry; refused pairs change nothing at all.
#include "src/inventory/lifecycle.h"

#include <gtest/gtest.h>

#include "src/inventory/evidence_text.h"
#include "src/inventory/state_names.h"
#include "src/inventory/time_text.h"
#include "tests/inventory/inv_test_support.h"

namespace kyso::inventory {
namespace {

using test::Backend;

EvidenceGiven fullEvidence(Subject s, const TransitionRule& r) {
  EvidenceGiven e;
  e.today = "2026-11-25";
  e.docNumber = "12/SYT-VP";
  e.docDate = "2026-11-20";
  e.note = "ghi chú";
  e.wiped = true;
  e.holderId = 1;
  e.notBefore = "2025-01-01";
  e.notAfter = r.needs & kPastExpiry ? "2026-11-01" : "2027-06-30";
  e.newNotAfter = "2030-06-30";
  (void)s;
  return e;
}

const TransitionRule* findRule(Subject s, std::string_view from, std::string_view to) {
  for (const auto& r : rules(s))
    if (r.from == from && r.to == to) return &r;
  return nullptr;
}

TEST(LifecycleTable, EveryPairIsJudgedByTheTable) {
  for (Subject s : {Subject::Token, Subject::Certificate}) {
    int allowed = 0, refused = 0;
    for (auto from : states(s)) {
      for (auto to : states(s)) {
        const TransitionRule* rule = findRule(s, from, to);
        EvidenceGiven e = fullEvidence(s, rule ? *rule : TransitionRule{});
        auto r = checkTransition(s, from, to, e);
        if (rule) {
          EXPECT_TRUE(r.ok()) << from << " -> " << to << ": " << r.error().technical();
          ++allowed;
        } else {
          ASSERT_FALSE(r.ok()) << from << " -> " << to;
          EXPECT_EQ(r.error().kind, Errc::TransitionNotAllowed);
          EXPECT_NE(r.error().context.find(std::string(from)), std::string::npos);
          ++refused;
        }
      }
    }
    EXPECT_EQ(static_cast<std::size_t>(allowed), rules(s).size());
    EXPECT_GT(refused, allowed);
  }
}

TEST(LifecycleTable, EveryRuleStatesItsEvidence) {
  for (Subject s : {Subject::Token, Subject::Certificate}) {
    for (const auto& rule : rules(s)) {
      for (unsigned bit = 1; bit <= kDocOrProof; bit <<= 1) {
        if (!(rule.needs & bit)) continue;
        EvidenceGiven e = fullEvidence(s, rule);
        switch (bit) {
          case kDocument:
            e.docNumber.clear();
            break;
          case kHolder:
            e.holderId.reset();
            break;
          case kWiped:
            e.wiped = false;
            break;
          case kNote:
            e.note.clear();
            break;
          case kNewExpiry:
            e.newNotAfter.clear();
            break;
          case kValidity:
            e.notAfter = "bad";
            break;
          case kPastExpiry:
            e.notAfter = "2027-01-01";
            break;
          case kDocOrProof:
            e.docNumber.clear();
            break;
        }
        auto r = checkTransition(s, rule.from, rule.to, e);
        ASSERT_FALSE(r.ok()) << rule.from << " -> " << rule.to << " without evidence bit " << bit;
        EXPECT_TRUE(r.error().kind == Errc::EvidenceMissing ||
                    r.error().kind == Errc::TransitionNotAllowed);
      }
    }
  }
}

TEST(LifecycleTable, DocumentDateMustBeADateAndNotInTheFuture) {
  EvidenceGiven e;
  e.today = "2026-11-25";
  e.docNumber = "1/QĐ";
  e.holderId = 3;
  e.docDate = "20/11/2026";  // the CLI normalises; the judge wants ISO
  EXPECT_EQ(checkTransition(Subject::Token, "in_stock", "active", e).error().kind,
            Errc::EvidenceMissing);
  e.docDate = "2026-12-01";
  EXPECT_EQ(checkTransition(Subject::Token, "in_stock", "active", e).error().kind,
            Errc::EvidenceMissing);
  e.docDate = "2026-11-25";
  EXPECT_TRUE(checkTransition(Subject::Token, "in_stock", "active", e).ok());
}

TEST(LifecycleTable, NewCertificateAtMostFiveYearsRenewalAtMostThree) {
  EvidenceGiven e;
  e.today = "2026-11-25";
  e.docNumber = "5/SYT";
  e.docDate = "2026-11-24";
  e.notBefore = "2026-11-25";
  e.notAfter = "2031-11-25";
  EXPECT_TRUE(checkTransition(Subject::Certificate, "requested", "valid", e).ok());
  e.notAfter = "2031-11-26";
  auto r = checkTransition(Subject::Certificate, "requested", "valid", e);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().context, "validity_over_5_years");
  EXPECT_NE(explainEvidence(r.error(), Lang::En).context.find("at most 5 years"),
            std::string::npos);
  EXPECT_NE(explainEvidence(r.error(), Lang::Vi).context.find("tối đa 5 năm"), std::string::npos);

  e.notAfter = "2027-03-01";
  e.newNotAfter = "2030-03-01";
  EXPECT_TRUE(checkTransition(Subject::Certificate, "renewal_requested", "valid", e).ok());
  e.newNotAfter = "2030-03-02";
  r = checkTransition(Subject::Certificate, "renewal_requested", "valid", e);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().context, "renewal_over_3_years");
  EXPECT_NE(explainEvidence(r.error(), Lang::En).context.find("at most 3 years"),
            std::string::npos);
  e.newNotAfter = "2027-02-01";
  EXPECT_FALSE(checkTransition(Subject::Certificate, "renewal_requested", "valid", e).ok());
}

TEST(LifecycleTable, RevocationNeedsARequestOrACrlOrOcspAnswer) {
  EvidenceGiven e;
  e.today = "2026-11-25";
  e.docDate = "2026-11-20";
  EXPECT_EQ(checkTransition(Subject::Certificate, "valid", "revoked", e).error().kind,
            Errc::EvidenceMissing);
  e.revocationSource = "ocsp";
  EXPECT_TRUE(checkTransition(Subject::Certificate, "valid", "revoked", e).ok());
  e.revocationSource = "rumour";
  EXPECT_FALSE(checkTransition(Subject::Certificate, "valid", "revoked", e).ok());
}

TEST(LifecycleTable, ExpireOnlyAfterTheLastValidDay) {
  EvidenceGiven e;
  e.today = "2026-11-25";
  e.notAfter = "2026-11-25";
  EXPECT_FALSE(checkTransition(Subject::Certificate, "valid", "expired", e).ok());
  e.notAfter = "2026-11-24";
  EXPECT_TRUE(checkTransition(Subject::Certificate, "valid", "expired", e).ok());
}

TEST(LifecycleTable, Dates) {
  EXPECT_EQ(normalizeDate("05/03/2026").value_or(""), "2026-03-05");
  EXPECT_EQ(normalizeDate("2026-02-28").value_or(""), "2026-02-28");
  EXPECT_FALSE(normalizeDate("2026-02-29"));
  EXPECT_FALSE(normalizeDate("31/04/2026"));
  EXPECT_FALSE(normalizeDate("2026-13-01"));
  EXPECT_FALSE(normalizeDate("hôm qua"));
  EXPECT_EQ(addYears("2024-02-29", 1), "2025-02-28");
  EXPECT_EQ(formatDate(*parseDate("2026-11-25") + 7), "2026-12-02");
}

// ---- the same tables through a real database ----

class LifecycleDb : public ::testing::TestWithParam<Backend> {
 protected:
  test::TempDir dir;
  FixedClock clock{test::fixedNow()};
};

long long count(Inventory& inv, const char* table) {
  auto r = inv.db().query(std::string("SELECT count(*) FROM ") + table);
  return r.ok() ? (*r)[0].integer(0) : -1;
}

TEST_P(LifecycleDb, EveryTransitionAllowedAndRefused) {
  KYSO_FRESH_DB_OR_SKIP(loc, GetParam(), dir);
  auto inv = Inventory::open(loc, clock);
  ASSERT_TRUE(inv.ok()) << inv.error().technical();
  auto unit =
      inv->addUnit({0, "Trung tâm Y tế huyện Phú Vang", {}, "", "district", {}, "", false, 0});
  ASSERT_TRUE(unit.ok()) << unit.error().technical();
  Person p;
  p.fullName = "Nguyễn Thị Hồng Nhung";
  p.unitId = unit->id;
  auto holder = inv->addPerson(p);
  ASSERT_TRUE(holder.ok()) << holder.error().technical();
  Person p2 = p;
  p2.fullName = "Lê Văn Đức";
  auto holder2 = inv->addPerson(p2);
  ASSERT_TRUE(holder2.ok());

  int n = 0;
  for (Subject s : {Subject::Token, Subject::Certificate}) {
    for (auto from : states(s)) {
      for (auto to : states(s)) {
        const TransitionRule* rule = findRule(s, from, to);
        const std::string tag = std::to_string(++n);
        std::string key;
        if (s == Subject::Token) {
          Token t;
          t.serial = "TK" + tag;
          t.manufacturer = "Bit4id";
          t.unitId = unit->id;
          t.state = std::string(from);
          if (from != "in_stock" && from != "returned") t.holderId = holder->id;
          auto added = inv->addToken(t);
          ASSERT_TRUE(added.ok()) << added.error().technical();
          key = t.serial;
        } else {
          const bool past = rule && (rule->needs & kPastExpiry);
          Certificate c =
              test::fakeCert("c" + tag, "2025-01-01", past ? "2026-11-01" : "2027-06-30");
          c.state = std::string(from);
          c.unitId = unit->id;
          auto added = inv->addCertificate(c);
          ASSERT_TRUE(added.ok()) << added.error().technical();
          key = c.sha256;
        }
        EvidenceGiven e = fullEvidence(s, rule ? *rule : TransitionRule{});
        e.holderId =
            from == "active" ? holder2->id : holder->id;  // a hand-over goes to someone else
        e.notBefore.clear();
        e.notAfter.clear();
        const long long events = count(*inv, "events"), audit = count(*inv, "audit");
        auto r = inv->transition(s, key, to, e);
        if (rule) {
          ASSERT_TRUE(r.ok()) << from << " -> " << to << ": " << r.error().technical();
          EXPECT_EQ(r->kind, rule->event);
          EXPECT_EQ(count(*inv, "events"), events + 1);
          // SQLite: kyso's one entry. PostgreSQL: the triggers' entries for the row and its event.
          EXPECT_EQ(count(*inv, "audit"), audit + (GetParam() == Backend::Sqlite ? 1 : 2));
          if (s == Subject::Token) {
            auto t = inv->token(key);
            EXPECT_EQ(t->state, to);
            EXPECT_EQ(t->version, 2);
            if (to == "returned" || to == "in_stock") {
              EXPECT_FALSE(t->holderId);
            }
            if (rule->needs & kHolder) {
              EXPECT_EQ(t->holderId, *e.holderId);
            }
          } else {
            auto c = inv->certificate(key);
            EXPECT_EQ(c->state, to);
            if (rule->needs & kNewExpiry) {
              EXPECT_EQ(c->notAfter, "2030-06-30");
            }
          }
          auto h = inv->history(s, key);
          ASSERT_TRUE(h.ok());
          ASSERT_EQ(h->size(), 2u);
          EXPECT_EQ((*h)[1].fromState, from);
          EXPECT_EQ((*h)[1].toState, to);
          if (rule->needs & kDocument) {
            EXPECT_EQ((*h)[1].docNumber, "12/SYT-VP");
            EXPECT_EQ((*h)[1].docDate, "2026-11-20");
          }
        } else {
          ASSERT_FALSE(r.ok()) << from << " -> " << to << " was allowed";
          EXPECT_EQ(r.error().kind, Errc::TransitionNotAllowed);
          EXPECT_EQ(count(*inv, "events"), events);
          EXPECT_EQ(count(*inv, "audit"), audit);
          if (s == Subject::Token) {
            EXPECT_EQ(inv->token(key)->state, from);
            EXPECT_EQ(inv->token(key)->version, 1);
          } else {
            EXPECT_EQ(inv->certificate(key)->state, from);
          }
        }
      }
    }
  }
  auto audit = inv->verifyAudit();
  ASSERT_TRUE(audit.ok());
  EXPECT_TRUE(audit->ok()) << audit->problems.front();
}

TEST_P(LifecycleDb, MissingEvidenceChangesNothing) {
  KYSO_FRESH_DB_OR_SKIP(loc, GetParam(), dir);
  auto inv = Inventory::open(loc, clock);
  ASSERT_TRUE(inv.ok()) << inv.error().technical();
  Token t;
  t.serial = "A1";
  t.manufacturer = "SafeNet";
  ASSERT_TRUE(inv->addToken(t).ok());
  EvidenceGiven e;  // no document, no holder
  auto r = inv->transition(Subject::Token, "A1", "active", e);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::EvidenceMissing);
  EXPECT_EQ(inv->token("A1")->state, "in_stock");
  EXPECT_EQ(inv->history(Subject::Token, "A1")->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, LifecycleDb,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres), test::backendName);

}  // namespace
}  // namespace kyso::inventory

namespace kyso::inventory {
namespace {

// Issue 17: every state has an English and a Vietnamese name, and each name (in any case and
// spacing) and the code itself come back to the code; nothing else does.
TEST(StateNames, EveryStateHasBothNamesAndEachComesBack) {
  for (Subject s : {Subject::Token, Subject::Certificate}) {
    for (std::string_view code : states(s)) {
      const std::string en = stateLabel(s, code, Lang::En);
      const std::string vi = stateLabel(s, code, Lang::Vi);
      EXPECT_NE(vi, std::string(code)) << code;
      EXPECT_NE(vi, en) << code;
      EXPECT_EQ(stateFromText(s, code), std::string(code));
      EXPECT_EQ(stateFromText(s, en), std::string(code)) << en;
      EXPECT_EQ(stateFromText(s, vi), std::string(code)) << vi;
    }
  }
  EXPECT_EQ(stateFromText(Subject::Token, "  ĐANG   SỬ DỤNG "), "active");
  EXPECT_EQ(stateFromText(Subject::Certificate, "Còn hiệu lực"), "valid");
  EXPECT_FALSE(stateFromText(Subject::Token, "Còn hiệu lực"));
  EXPECT_FALSE(stateFromText(Subject::Token, ""));
  EXPECT_EQ(stateLabel(Subject::Token, "no_such_state", Lang::Vi), "no_such_state");
}

}  // namespace
}  // namespace kyso::inventory

namespace kyso::inventory {
namespace {

// Issue 17: people read the register's UTC times in Vietnam time.
TEST(VietnamTimeText, UtcTimesAreShownInVietnamTime) {
  EXPECT_EQ(vietnamTimeText("2026-12-07T02:50:08Z"), "2026-12-07 09:50:08 (+07:00)");
  EXPECT_EQ(vietnamTimeText("2026-12-31T20:00:00.123Z"), "2027-01-01 03:00:00 (+07:00)");
  EXPECT_EQ(vietnamTimeText("2026-02-28T17:00:00+00:00"), "2026-03-01 00:00:00 (+07:00)");
  // Anything else as it is: a date, another zone, nothing, rubbish.
  EXPECT_EQ(vietnamTimeText("2026-12-07"), "2026-12-07");
  EXPECT_EQ(vietnamTimeText("2026-12-07T09:50:08+07:00"), "2026-12-07T09:50:08+07:00");
  EXPECT_EQ(vietnamTimeText(""), "");
  EXPECT_EQ(vietnamTimeText("xxxx-xx-xxTxx:xx:xxZ"), "xxxx-xx-xxTxx:xx:xxZ");
}

}  // namespace
}  // namespace kyso::inventory

// The inventory's records as plain values: units (a tree with a focal person and a seal image),
// people (with a handwriting image), tokens, certificates, events, and computed warnings. Rows
// carry a `version` for optimistic concurrency: an edit names the version it started from.
// Names of linked records (unit, holder, token serial) are filled in when read, for display.
#pragma once

#include <optional>
#include <string>

#include "core/json.h"

namespace kyso::inventory {

/// A unit: the Department, an office, an attached unit or a district health centre.
struct Unit {
  long long id = 0;
  std::string name;
  std::optional<long long> parentId;
  std::string parentName;
  std::string kind = "unit";  // department | office | attached | district | unit
  std::optional<long long> focalPersonId;
  std::string focalPersonName;
  bool hasSeal = false;
  long long version = 0;
};

/// A person: full name with diacritics, position, unit, contacts; left_on set once they leave.
struct Person {
  long long id = 0;
  std::string fullName;
  std::string position;
  long long unitId = 0;
  std::string unitName;
  std::string email;
  std::string phone;
  std::string leftOn;  // YYYY-MM-DD, empty while still working there
  bool hasHandwriting = false;
  long long version = 0;
};

/// A USB token (key-storage device), identified by its serial.
struct Token {
  long long id = 0;
  std::string serial;
  std::string manufacturer;
  std::string model;
  std::string provider;  // CA / service provider
  std::string module;    // PKCS#11 module file
  std::string state = "in_stock";
  std::optional<long long> holderId;
  std::string holderName;
  std::optional<long long> unitId;
  std::string unitName;
  std::string receivedOn;
  std::string issuedOn;
  std::string lastSeen;
  long long version = 0;
};

/// A certificate, identified by its SHA-256 (and issuer + serial).
struct Certificate {
  long long id = 0;
  std::string serial;  // hex
  std::string issuer;
  std::string subject;
  std::string notBefore;  // YYYY-MM-DD
  std::string notAfter;   // YYYY-MM-DD (last valid day)
  std::string sha256;     // hex of the DER
  std::string keyId;      // subject key identifier, hex
  std::optional<long long> tokenId;
  std::string tokenSerial;
  std::optional<long long> holderId;
  std::string holderName;
  std::optional<long long> unitId;
  std::string unitName;
  std::string kind = "personal";  // personal | organisation
  std::string state = "valid";
  long long version = 0;
};

/// One recorded lifecycle step (or creation/edit) with its written request.
struct Event {
  long long id = 0;
  std::string entity;  // token | certificate | person | unit
  long long entityId = 0;
  std::string kind;
  std::string fromState;
  std::string toState;
  std::string docNumber;
  std::string docDate;
  std::string who;
  std::string at;  // UTC, ISO 8601
  std::string note;
};

/// A computed warning: never stored, always derived from the records and the clock.
/// What it is about is kept typed; warning_text.h makes the sentences in English or Vietnamese.
struct Warning {
  std::string kind;         // lost_token_cert_valid (always listed first) | expiring_60 |
                            // expiring_30 | expiring_7 | holder_left | stock_token_with_cert |
                            // revoked_cert_on_active_token
  std::string subject;      // "token <serial>" / "certificate <sha256 prefix>" (JSON, matching)
  std::string detail;       // the English sentence (JSON)
  long days = 0;            // days left for expiry warnings
  std::string tokenSerial;  // the token concerned, if any
  std::string certificate;  // the certificate's SHA-256 prefix (16 hex digits), if any
  std::string certSubject;  // its subject
  std::string certState;    // its state code
  std::string holder;       // the person concerned
  std::string date;         // expiry (expiring_*) or the day the holder left (holder_left)
};

Json toJson(const Unit& u);
Json toJson(const Person& p);
Json toJson(const Token& t);
Json toJson(const Certificate& c);
Json toJson(const Event& e);
Json toJson(const Warning& w);

}  // namespace kyso::inventory

// Comparing two versions of a PDF value by what it means, not by how it is written: the same
// value in the signed revision and in a later one is "equal" when a reader cannot tell them apart.
// - references are resolved (cycle-safe, bounded): a key re-pointed to another object with equal
//   content is not a change; a reference to an object that is judged on its own (the same object
//   number on both sides, and the analysis looks at that object separately) is equal here;
// - dictionary key order, object streams against plain objects, and a null value against a
//   missing key are not differences;
// - numbers compare numerically: an integer equals the equal real, and reals equal at single
//   precision are equal (595.34997559 == 595.35);
// - streams compare by their dictionaries (without /Length, /Filter, /DecodeParms, /DL) and by
//   their decoded data (raw data with the filters when a filter cannot be decoded).
// Work is bounded: past the bound a value is reported as different (never as equal).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <qpdf/QPDFObjectHandle.hh>
#include <string>
#include <utility>
#include <vector>

#include "src/pdfverify/revision.h"

namespace kyso::pdfverify {

class ValueComparer {
 public:
  /// `judgedAlone(og)`: the analysis judges object `og` on its own, so a reference to the same
  /// object number on both sides is equal at the place it is referenced from.
  ValueComparer(const Budget& budget, std::function<bool(QPDFObjGen)> judgedAlone);

  /// True when `a` (older revision) and `b` (newer revision) mean the same.
  bool equal(QPDFObjectHandle a, QPDFObjectHandle b);

  /// Like equal(), but `a` and `b` are compared by what they hold even when they are the same
  /// object judged on its own (the comparison of that object itself).
  bool equalContents(QPDFObjectHandle a, QPDFObjectHandle b) { return eqValue(a, b, 1); }

  /// The keys of two dictionaries (or stream dictionaries) whose values differ, sorted. A stream
  /// whose data differs adds the pseudo-key "(data)".
  std::vector<std::string> differingKeys(QPDFObjectHandle a, QPDFObjectHandle b);

  /// True when the work bound was hit at least once (some "different" may be only "too costly").
  bool exhausted() const { return m_exhausted; }

 private:
  bool eq(QPDFObjectHandle a, QPDFObjectHandle b, int depth);
  bool eqValue(QPDFObjectHandle a, QPDFObjectHandle b, int depth);
  bool eqStream(QPDFObjectHandle a, QPDFObjectHandle b);
  bool eqDict(QPDFObjectHandle a, QPDFObjectHandle b, int depth, bool streamDict);
  bool spend();

  const Budget& m_budget;
  std::function<bool(QPDFObjGen)> m_judgedAlone;
  // Pairs of distinct objects being or already compared: 0 in progress (assumed equal, so that
  // cycles end), 1 equal, 2 different.
  std::map<std::pair<QPDFObjGen, QPDFObjGen>, int> m_memo;
  std::size_t m_work = 0;
  bool m_exhausted = false;
};

/// True when two numbers are equal as a PDF reader sees them (see above).
bool sameNumber(QPDFObjectHandle a, QPDFObjectHandle b);

}  // namespace kyso::pdfverify

#include "src/pdfverify/model.h"

namespace kyso::pdfverify {

const char* indicationName(Indication i) {
  switch (i) {
    case Indication::TotalPassed:
      return "TOTAL-PASSED";
    case Indication::TotalFailed:
      return "TOTAL-FAILED";
    case Indication::Indeterminate:
      return "INDETERMINATE";
  }
  return "INDETERMINATE";
}

Indication worse(Indication a, Indication b) {
  auto rank = [](Indication i) {
    return i == Indication::TotalFailed ? 2 : i == Indication::Indeterminate ? 1 : 0;
  };
  return rank(a) >= rank(b) ? a : b;
}

}  // namespace kyso::pdfverify

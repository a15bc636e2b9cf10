// What PC/SC sees at this moment: the readers and whether a card is in each, with its ATR. Used
// to tell a person that a card is present although a PKCS#11 module shows no token for it (an
// unrecognised card), and shared with the monitor (pcsc_monitor.cpp).
#pragma once

#include <PCSC/winscard.h>

#include <string>
#include <vector>

#include "core/result.h"

namespace kyso::p11 {

struct ReaderNow {
  std::string name;
  bool cardPresent = false;
  std::string atr;  // upper-case hex, "" without a card
};

/// One look without waiting. PcscNoService (raw SCARD_E_*) when pcscd does not answer.
Result<std::vector<ReaderNow>> readersNow();

/// The reader names of `ctx`; *rv is SCARD_S_SUCCESS also when there are no readers.
std::vector<std::string> listReaders(SCARDCONTEXT ctx, LONG* rv);
/// Upper-case hex of an ATR.
std::string atrHex(const unsigned char* p, DWORD n);

}  // namespace kyso::p11

// Template part of pdf_document.h: qpdf throws; kyso returns Results.
#pragma once

#include <exception>

namespace kyso::pdf {

template <class F>
auto guardQpdf(const char* op, F&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const std::exception& e) {
    return Error::kyso(Errc::PdfDamaged, op, e.what()).because(Detail::Technical);
  }
}

}  // namespace kyso::pdf

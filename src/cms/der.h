// The few DER primitives the CMS layer reads and writes by hand: one element's header (tag and
// definite length), wrapping contents in a header, and the ordering DER gives a SET OF. Only
// single-byte tags and definite, minimal lengths: anything else is left to OpenSSL's decoder.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kyso::cms::der {

/// One DER element: its tag byte and where it starts, where its contents start and its end.
struct Tlv {
  unsigned char tag = 0;
  std::size_t start = 0;  // first byte of the element (the tag)
  std::size_t body = 0;   // first byte of the contents
  std::size_t end = 0;    // one past the last byte
};

/// Reads the element at `pos` inside [pos, limit). Nothing for a multi-byte tag, an indefinite or
/// non-minimal length, a length over 4 bytes or contents past `limit`.
std::optional<Tlv> readTlv(std::span<const unsigned char> d, std::size_t pos, std::size_t limit);

/// The elements that make up `parent`'s contents, in order; nothing if any of them does not read.
std::optional<std::vector<Tlv>> children(std::span<const unsigned char> d, const Tlv& parent);

/// A ContentInfo at the start of `d` (RFC 5652 3) whose contentType is id-signedData: its own
/// element, its contentType OID and the SignedData SEQUENCE that fills its [0]. Nothing for
/// anything else.
struct SignedDataTlv {
  Tlv contentInfo;
  Tlv contentType;
  Tlv signedData;
};
std::optional<SignedDataTlv> readSignedData(std::span<const unsigned char> d);

/// `content` with a header (the tag and the minimal definite length): tag 0x30 SEQUENCE, 0x31 SET,
/// 0xa0 [0], ...
std::string wrap(unsigned char tag, std::string_view content);

/// X.690 11.6, the order of a DER SET OF: the encodings compared as octet strings, a shorter one
/// padded with zero octets at its end.
bool setOfLess(std::string_view a, std::string_view b);

}  // namespace kyso::cms::der

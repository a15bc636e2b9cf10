// Digests of a detached content for the algorithms a CMS object uses, computed in one pass over
// the content (each byte read once, fed to every hash). SHAKE256 gives 64 bytes (RFC 8419).
#pragma once

#include <map>
#include <set>
#include <span>
#include <vector>

#include "src/cms/verifier.h"

namespace kyso::cms {

/// Digests for every NID in `nids` from `content` (its digests map first, then its feeder).
/// NIDs that can be had neither way are absent from the result.
Result<std::map<int, std::vector<unsigned char>>> computeDigests(const DetachedContent& content,
                                                                 const std::set<int>& nids);
/// One digest of bytes in memory (SHAKE256: 64 bytes); empty on an unknown NID.
std::vector<unsigned char> digestBytes(int nid, std::span<const unsigned char> data);

}  // namespace kyso::cms

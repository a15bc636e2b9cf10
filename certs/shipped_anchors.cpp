#include "certs/shipped_anchors.h"

namespace kyso::certs {
namespace {

// From ../shared/anchors/README.md (checked there against other codebases' pins).
constexpr ShippedAnchor kShipped[] = {
    {"vgca-rootca-g2.pem", "gov", true,
     "f04ba4b459a7c9a1b971ad9b1cb833e695a80c79aea63b174b66a70edfe2fdb8"},
    {"vgca-cp-ca-g2.pem", "gov", false,
     "d8cab7a4aef92e6bb2509d7c61cee7b44f3731b2d21074963530277b366fae4b"},
    {"vgca-dang-ca-g2.pem", "gov", false,
     "e4b402e3cb4cacc0a20d21fa49bce76beb4eb47ba7ffb7a8f71c554dbe561a81"},
    {"vgca-rootca-g1.pem", "gov", true,
     "f7bc89054cec7f12730d7b8cd3eb7955b163835087e5eb873edfb584763b3f90"},
    {"vgca-cp-ca-g1.pem", "gov", false,
     "75e969c07ba35c29c72bbc1bfb880f20f3891a619b00b77eb02ca6160736a1fe"},
    {"vn-national-root-ca.pem", "public", true,
     "bac8bf609ab420a8ee1780d74f4de5c7f7184959d2a7375b0a75e4c29f0908e7"},
    {"vnpt-ca-sha2.pem", "public", false,
     "7d6ba5245317f9ed5d8bc765a4634d26ac6340d36b9f584df3b52d9c4a81a306"},
};

}  // namespace

std::span<const ShippedAnchor> shippedAnchors() {
  return kShipped;
}

}  // namespace kyso::certs

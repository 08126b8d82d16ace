#pragma once

#include <string>

namespace cg::test {

// Status JSON as the guard sends it (obs/guard_api.hpp), for the dock tests.

// A stream with a QR code on air for 12.5 s (warning, limit at once) and the presenter away for
// 192 s of 300 (notice); "Product close-up" on air but not watched; three recent findings, the
// newest with evidencePath as its image.
std::string warningStatusJson(const std::string& evidencePath);
// Nothing wrong, nothing recorded, a watched scene on air.
std::string clearStatusJson();
// A status in the given state with no rules, for the banner.
std::string statusInState(const std::string& state, bool acknowledged = false);

} // namespace cg::test

#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace cg {

// Standard base64 (RFC 4648) with padding, for data: URIs.
std::string base64Encode(std::span<const std::uint8_t> bytes);

} // namespace cg

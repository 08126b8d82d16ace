#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

// Bytes as lowercase hex digits, two per byte.
std::string toHex(std::span<const std::uint8_t> bytes);

// The bytes of an even number of hex digits (either case); nullopt for anything else.
std::optional<std::vector<std::uint8_t>> fromHex(std::string_view hex);

} // namespace cg

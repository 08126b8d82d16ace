#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace cg {

// SHA-256 as 64 lowercase hex digits (OpenSSL EVP).
std::string sha256Hex(std::span<const std::uint8_t> bytes);
std::string sha256Hex(std::string_view bytes);

// Hashes a file's contents, read in chunks. Throws std::runtime_error naming the file and the OS
// error when it cannot be opened or read.
std::string sha256HexOfFile(const std::filesystem::path& file);

} // namespace cg

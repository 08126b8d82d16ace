#pragma once

// Exit codes of every `compliance-guard` subcommand (documented in the README).
namespace cg::cli::exit_code {

inline constexpr int ok = 0;         // analyze: no finding; verify: complete, intact and signed; rules: valid
inline constexpr int findings = 1;   // analyze: at least one finding
inline constexpr int usage = 2;      // wrong arguments
inline constexpr int inputError = 3; // unreadable file, invalid rule pack, missing folder
inline constexpr int incomplete = 4; // verify: intact but no closing line (the session did not end)
inline constexpr int tampered = 5;   // verify: the chain, an evidence file or the signature does not verify
inline constexpr int unsignedRecord = 6; // verify: complete and intact, but the record names no key
inline constexpr int wrongKey = 7;       // verify: signed by, or naming, another key than expected

} // namespace cg::cli::exit_code

#pragma once

// Exit codes of every `compliance-guard` subcommand (documented in the README).
namespace cg::cli::exit_code {

inline constexpr int ok = 0;         // analyze: no finding; verify: complete and intact; rules: valid
inline constexpr int findings = 1;   // analyze: at least one finding
inline constexpr int usage = 2;      // wrong arguments
inline constexpr int inputError = 3; // unreadable file, invalid rule pack, missing folder
inline constexpr int incomplete = 4; // verify: intact but no closing line (the session did not end)
inline constexpr int tampered = 5;   // verify: the chain or an evidence file does not verify

} // namespace cg::cli::exit_code

#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace cg::cli {

// `compliance-guard verify DIR [--public-key FILE|HEX] [--json]`: checks a compliance record folder
// and says, in one line (or a JSON object with --json), whether it is complete, intact and signed,
// and by which key. args are the arguments after "verify"; installationKeyDir is where this
// installation's public key may be (cli_paths defaultKeyDir()), only to say whether the record was
// signed here. Returns the CLI exit code (exit_codes.hpp, FORMAT.md): 0 complete, intact and
// signed, 6 complete and intact but unsigned, 7 wrong key, 4 intact but incomplete, 5 tampered,
// 3 record or key missing or unreadable, 2 usage error.
int runVerifyCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                     const std::filesystem::path& installationKeyDir = {});

} // namespace cg::cli

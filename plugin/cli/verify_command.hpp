#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace cg::cli {

// `compliance-guard verify DIR [--json]`: checks a compliance record folder and says, in one line
// (or a JSON object with --json), whether it is complete and intact, intact but incomplete, or
// tampered. args are the arguments after "verify". Returns the CLI exit code: 0 complete and
// intact, 4 intact but incomplete, 5 tampered, 3 folder or session.jsonl missing or unreadable,
// 2 usage error.
int runVerifyCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace cg::cli

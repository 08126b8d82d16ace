#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace cg::cli {

// `compliance-guard rules ...` (args are what follows "rules"):
//   rules list            every pack in rulesDir: id, names, number of rules
//   rules show PACK       one pack (an id in rulesDir or a file): its rules, thresholds and titles
//   rules check FILE...   validates pack files: "FILE: ok (N rules)" or the error
// Returns the CLI exit code: 0 success, 2 usage error, 3 invalid or missing pack or folder.
int runRulesCommand(const std::vector<std::string>& args, const std::filesystem::path& rulesDir,
                    std::ostream& out, std::ostream& err);

} // namespace cg::cli

#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace cg::cli {

// `analyze FILE... [--rules PACK] [--record DIR] [--json] [--per-frame]`: runs the core over
// images and videos. Exit codes: 0 no finding, 1 at least one finding, 2 usage, 3 input error.
int runAnalyzeCommand(const std::vector<std::string>& args, const std::filesystem::path& rulesDir,
                      std::ostream& out, std::ostream& err);

} // namespace cg::cli

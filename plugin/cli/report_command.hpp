#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace cg::cli {

// `compliance-guard report DIR --out FILE.pdf|FILE.html [--lang zh-CN|en-US] [--no-face-blur]`:
// the session report of one compliance record. args are the arguments after "report". Returns 0
// when written, 2 on a usage error, 3 when the record, the texts or the output cannot be used.
int runReportCommand(const std::vector<std::string>& args, const std::filesystem::path& rulesDir,
                     std::ostream& out, std::ostream& err);

// The locale files (en-US.ini, zh-CN.ini): $CG_LOCALE_DIR, then data/locale beside the rule packs
// of an installed CLI, then the source tree's locale/.
std::filesystem::path defaultLocaleDir(const std::filesystem::path& rulesDir);

} // namespace cg::cli

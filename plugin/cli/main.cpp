#include "cli/analyze_command.hpp"
#include "cli/cli_paths.hpp"
#include "cli/exit_codes.hpp"
#include "cli/report_command.hpp"
#include "cli/rules_command.hpp"
#include "cli/verify_command.hpp"

#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr const char* usage = R"(compliance-guard )" CG_PLUGIN_VERSION
                              R"( - checks pictures and records for live-commerce rule violations

usage:
  compliance-guard analyze FILE... [--rules PACK] [--record DIR] [--json] [--per-frame]
  compliance-guard verify DIR [--public-key FILE|HEX] [--json]
  compliance-guard rules list | show PACK | check FILE...
  compliance-guard report DIR --out FILE.pdf|FILE.html [--lang zh-CN|en-US] [--no-face-blur]
  compliance-guard --version

exit codes: 0 ok, 1 findings, 2 usage error, 3 input error, 4 record incomplete, 5 record tampered,
            6 record unsigned, 7 record signed by the wrong key
)";

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        (args.empty() ? std::cerr : std::cout) << usage;
        return args.empty() ? cg::cli::exit_code::usage : cg::cli::exit_code::ok;
    }
    if (args[0] == "--version") {
        std::cout << "compliance-guard " << CG_PLUGIN_VERSION << "\n";
        return cg::cli::exit_code::ok;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        const std::filesystem::path rulesDir = cg::cli::defaultRulesDir(argv[0]);
        if (command == "analyze")
            return cg::cli::runAnalyzeCommand(args, rulesDir, std::cout, std::cerr);
        if (command == "verify")
            return cg::cli::runVerifyCommand(args, std::cout, std::cerr, cg::cli::defaultKeyDir());
        if (command == "report")
            return cg::cli::runReportCommand(args, rulesDir, std::cout, std::cerr);
        if (command == "rules")
            return cg::cli::runRulesCommand(args, rulesDir, std::cout, std::cerr);
    } catch (const std::exception& error) {
        std::cerr << "compliance-guard " << command << ": " << error.what() << "\n";
        return cg::cli::exit_code::inputError;
    }
    std::cerr << "compliance-guard: unknown command '" << command << "'\n" << usage;
    return cg::cli::exit_code::usage;
}

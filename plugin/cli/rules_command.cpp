#include "cli/rules_command.hpp"

#include "cli/exit_codes.hpp"
#include "core/rules/rule_enum_names.hpp"
#include "core/rules/rule_pack_loader.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace cg::cli {

namespace {

constexpr const char* kUsage =
    "usage: compliance-guard rules list\n"
    "       compliance-guard rules show PACK   (an id such as alibaba, or a file)\n"
    "       compliance-guard rules check FILE...\n";

std::string plural(std::size_t count, const std::string& noun)
{
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// "at once", "90 s", "5 min", "24 h", "1.5 s"
std::string formatDuration(double seconds)
{
    if (seconds == 0)
        return "at once";
    std::ostringstream text;
    if (seconds >= 3600 && std::fmod(seconds, 3600) == 0)
        text << seconds / 3600 << " h";
    else if (seconds >= 60 && std::fmod(seconds, 60) == 0)
        text << seconds / 60 << " min";
    else
        text << seconds << " s";
    return text.str();
}

int usageError(std::ostream& err, const std::string& problem)
{
    err << "rules: " << problem << "\n" << kUsage;
    return exit_code::usage;
}

int listPacks(const std::filesystem::path& rulesDir, std::ostream& out, std::ostream& err)
{
    std::vector<std::filesystem::path> files;
    try {
        files = listRulePackFiles(rulesDir);
    } catch (const RulePackError& error) {
        err << "rules list: " << error.what() << "\n";
        return exit_code::inputError;
    }
    if (files.empty()) {
        err << "rules list: " << rulesDir.string() << ": no rule pack (*.json) in this folder\n";
        return exit_code::inputError;
    }
    int status = exit_code::ok;
    std::vector<RulePack> packs;
    for (const auto& file : files) {
        try {
            packs.push_back(loadRulePack(file));
        } catch (const RulePackError& error) {
            err << "rules list: invalid pack " << error.what() << "\n";
            status = exit_code::inputError;
        }
    }
    std::size_t idWidth = 0;
    for (const RulePack& pack : packs)
        idWidth = std::max(idWidth, pack.id.size());
    for (const RulePack& pack : packs)
        out << pack.id << std::string(idWidth - pack.id.size() + 2, ' ') << pack.name.en << " / "
            << pack.name.zh << "  (" << plural(pack.rules.size(), "rule") << ")\n";
    return status;
}

void printRule(const Rule& rule, std::ostream& out)
{
    const RuleThresholds& t = rule.thresholds;
    out << "\n"
        << rule.id << "  [" << rule.category << ", when " << toString(rule.trigger) << ", "
        << toString(rule.severity) << "]\n"
        << "  title:      " << rule.title.en << "\n"
        << "  标题:       " << rule.title.zh << "\n"
        << "  thresholds: notice " << formatDuration(t.noticeAfterS) << ", warning "
        << formatDuration(t.warnAfterS) << ", critical " << formatDuration(t.criticalAfterS) << ", limit "
        << formatDuration(t.limitS) << "; clears after " << formatDuration(t.clearAfterS) << " without it\n"
        << "  article:    " << rule.articleRef << "\n"
        << "  penalty:    " << rule.penalty.en << "\n"
        << "  处罚:       " << rule.penalty.zh << "\n";
}

int showPack(const std::filesystem::path& rulesDir, const std::string& idOrPath, std::ostream& out,
             std::ostream& err)
{
    RulePack pack;
    try {
        pack = loadRulePack(findRulePack(rulesDir, idOrPath));
    } catch (const RulePackError& error) {
        err << "rules show: " << error.what() << "\n";
        return exit_code::inputError;
    }
    out << pack.id << ": " << pack.name.en << " / " << pack.name.zh << "\n"
        << "source:  " << pack.source.document << "\n"
        << "version: " << pack.source.version << "\n";
    if (!pack.source.originalLanguage.empty())
        out << "quoted in " << pack.source.originalLanguage << "; the other language is a translation\n";
    out << plural(pack.rules.size(), "rule") << ":\n";
    for (const Rule& rule : pack.rules)
        printRule(rule, out);
    return exit_code::ok;
}

int checkPacks(const std::vector<std::string>& files, std::ostream& out, std::ostream& err)
{
    int status = exit_code::ok;
    for (const std::string& file : files) {
        try {
            const RulePack pack = loadRulePack(file);
            out << file << ": ok (" << plural(pack.rules.size(), "rule") << ")\n";
        } catch (const RulePackError& error) {
            err << error.what() << "\n";
            status = exit_code::inputError;
        }
    }
    return status;
}

} // namespace

int runRulesCommand(const std::vector<std::string>& args, const std::filesystem::path& rulesDir,
                    std::ostream& out, std::ostream& err)
{
    if (args.empty())
        return usageError(err, "missing subcommand");
    const std::string& subcommand = args[0];
    const std::vector<std::string> operands(args.begin() + 1, args.end());
    if (subcommand == "--help" || subcommand == "-h") {
        out << kUsage;
        return exit_code::ok;
    }
    if (subcommand == "list")
        return operands.empty() ? listPacks(rulesDir, out, err) : usageError(err, "list takes no arguments");
    if (subcommand == "show")
        return operands.size() == 1 ? showPack(rulesDir, operands[0], out, err)
                                    : usageError(err, "show takes exactly one pack (an id or a file)");
    if (subcommand == "check")
        return !operands.empty() ? checkPacks(operands, out, err)
                                 : usageError(err, "check needs at least one file");
    return usageError(err, "unknown subcommand '" + subcommand + "'");
}

} // namespace cg::cli

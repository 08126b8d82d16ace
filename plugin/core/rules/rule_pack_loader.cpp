#include "core/rules/rule_pack_loader.hpp"

#include "core/rules/pack_object_reader.hpp"
#include "core/rules/rule_enum_names.hpp"
#include "core/rules/strict_json.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace cg {

namespace {

constexpr std::string_view kIdChars = "abcdefghijklmnopqrstuvwxyz0123456789_-";
constexpr std::string_view kIdCharsText = "lowercase letters a-z, digits 0-9, _ and -";
constexpr std::string_view kCategoryChars = "abcdefghijklmnopqrstuvwxyz_";
constexpr std::string_view kCategoryCharsText = "lowercase letters a-z and _";
constexpr std::string_view kSlugChars = "abcdefghijklmnopqrstuvwxyz0123456789";

std::string formatSeconds(double seconds)
{
    std::ostringstream text;
    text << seconds;
    return text.str();
}

RuleThresholds readThresholds(const PackObjectReader& rule)
{
    const PackObjectReader t = rule.object("thresholds");
    t.rejectUnknownKeys({"notice_after_s", "warn_after_s", "critical_after_s", "limit_s", "clear_after_s"});
    RuleThresholds thresholds;
    thresholds.noticeAfterS = t.nonNegativeNumber("notice_after_s");
    thresholds.warnAfterS = t.nonNegativeNumber("warn_after_s");
    thresholds.criticalAfterS = t.nonNegativeNumber("critical_after_s");
    thresholds.limitS = t.nonNegativeNumber("limit_s");
    thresholds.clearAfterS = t.nonNegativeNumber("clear_after_s");

    // A finding escalates notice -> warning -> critical -> breach, so each step comes no earlier.
    const std::pair<std::string_view, double> steps[] = {{"notice_after_s", thresholds.noticeAfterS},
                                                         {"warn_after_s", thresholds.warnAfterS},
                                                         {"critical_after_s", thresholds.criticalAfterS},
                                                         {"limit_s", thresholds.limitS}};
    for (std::size_t i = 1; i < std::size(steps); ++i) {
        const auto& [earlierName, earlier] = steps[i - 1];
        const auto& [name, value] = steps[i];
        if (value < earlier)
            t.fail(name, "must be >= " + std::string(earlierName) + " (" + formatSeconds(earlier) +
                             "), got " + formatSeconds(value) +
                             "; the order is notice <= warn <= critical <= limit");
    }
    return thresholds;
}

Severity readSeverity(const PackObjectReader& rule)
{
    const std::string name = rule.text("severity");
    if (auto severity = severityFromString(name))
        return *severity;
    rule.fail("severity", "must be one of info, minor, major, severe, got \"" + name + "\"");
}

Trigger readTrigger(const PackObjectReader& rule)
{
    if (!rule.has("trigger"))
        return Trigger::Present;
    const std::string name = rule.text("trigger");
    if (auto trigger = triggerFromString(name))
        return *trigger;
    rule.fail("trigger", "must be \"present\" or \"absent\", got \"" + name + "\"");
}

Rule readRule(const PackObjectReader& r)
{
    r.rejectUnknownKeys({"id", "category", "labels", "trigger", "title", "article", "article_ref",
                         "thresholds", "severity", "penalty"});
    Rule rule;
    rule.id = r.identifier("id", kIdChars, kIdCharsText);
    rule.category = r.identifier("category", kCategoryChars, kCategoryCharsText);
    if (r.has("labels")) {
        rule.labels = r.textList("labels");
        if (rule.labels.empty())
            r.fail("labels", "must name at least one label; leave it out to watch every label");
    }
    rule.trigger = readTrigger(r);
    rule.title = r.localized("title");
    rule.article = r.localized("article");
    rule.articleRef = r.text("article_ref");
    rule.thresholds = readThresholds(r);
    rule.severity = readSeverity(r);
    rule.penalty = r.localized("penalty");
    return rule;
}

RulePackSource readSource(const PackObjectReader& pack)
{
    const PackObjectReader s = pack.object("source");
    s.rejectUnknownKeys({"document", "version", "original_language"});
    RulePackSource source{s.text("document"), s.text("version"), {}};
    if (s.has("original_language")) {
        source.originalLanguage = s.text("original_language");
        if (source.originalLanguage != "en-US" && source.originalLanguage != "zh-CN")
            s.fail("original_language",
                   "must be \"en-US\" or \"zh-CN\", got \"" + source.originalLanguage + "\"");
    }
    return source;
}

std::vector<Rule> readRules(const PackObjectReader& pack)
{
    const nlohmann::json& items = pack.array("rules");
    if (items.empty())
        pack.fail("rules", "must hold at least one rule");
    std::vector<Rule> rules;
    std::map<std::string, std::size_t> indexOfId;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string path = "rules[" + std::to_string(i) + "]";
        Rule rule = readRule(PackObjectReader(items[i], pack.fileName(), path));
        const auto [previous, isNew] = indexOfId.emplace(rule.id, i);
        if (!isNew)
            throw RulePackError(pack.fileName(), path + ".id",
                                "duplicate rule id \"" + rule.id + "\" (also rules[" +
                                    std::to_string(previous->second) + "])");
        rules.push_back(std::move(rule));
    }
    return rules;
}

TextClassifierSettings readScreenText(const PackObjectReader& pack)
{
    if (!pack.has("screen_text"))
        return {};
    const PackObjectReader lists = pack.object("screen_text");
    lists.rejectUnknownKeys({"platform_names", "platforms_needing_context", "allowed_platforms",
                             "absolute_claims", "claim_exceptions"});
    const auto optionalList = [&](std::string_view key) {
        return lists.has(key) ? lists.textList(key) : std::vector<std::string>{};
    };
    TextClassifierSettings text;
    text.platformNames = optionalList("platform_names");
    text.platformsNeedingContext = optionalList("platforms_needing_context");
    text.allowedPlatforms = optionalList("allowed_platforms");
    text.absoluteClaims = optionalList("absolute_claims");
    text.claimExceptions = optionalList("claim_exceptions");
    for (std::size_t i = 0; i < text.platformsNeedingContext.size(); ++i)
        if (std::find(text.platformNames.begin(), text.platformNames.end(),
                      text.platformsNeedingContext[i]) == text.platformNames.end())
            lists.fail("platforms_needing_context[" + std::to_string(i) + "]",
                       "\"" + text.platformsNeedingContext[i] + "\" is not in platform_names");
    return text;
}

std::vector<std::string> readAllowedLogos(const PackObjectReader& pack)
{
    if (!pack.has("allowed_logos"))
        return {};
    std::vector<std::string> slugs = pack.textList("allowed_logos");
    for (std::size_t i = 0; i < slugs.size(); ++i)
        if (slugs[i].find_first_not_of(kSlugChars) != std::string::npos)
            pack.fail("allowed_logos[" + std::to_string(i) + "]",
                      "must be a simple-icons slug (lowercase letters a-z and digits 0-9), got \"" +
                          slugs[i] + "\"");
    return slugs;
}

std::string readFile(const std::filesystem::path& file)
{
    std::error_code error;
    if (!std::filesystem::exists(file, error))
        throw RulePackError(file.string(), "", "no such file");
    if (std::filesystem::is_directory(file, error))
        throw RulePackError(file.string(), "", "is a folder, not a rule pack file");
    std::ifstream in(file, std::ios::binary);
    if (!in.is_open())
        throw RulePackError(file.string(), "", "cannot be opened for reading");
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad())
        throw RulePackError(file.string(), "", "cannot be read");
    return content.str();
}

} // namespace

RulePack parseRulePack(std::string_view jsonText, const std::string& fileName)
{
    const nlohmann::json document = parseStrictJson(jsonText, fileName);
    const PackObjectReader top(document, fileName, "");
    top.rejectUnknownKeys({"schema", "id", "name", "source", "rules", "screen_text", "allowed_logos"});

    const long long schema = top.integer("schema");
    if (schema != kRulePackSchema)
        top.fail("schema", "must be " + std::to_string(kRulePackSchema) +
                               " (the format this version reads), got " + std::to_string(schema));

    RulePack pack;
    pack.id = top.identifier("id", kIdChars, kIdCharsText);
    const std::filesystem::path name(fileName);
    if (name.extension() == ".json" && name.stem().string() != pack.id)
        top.fail("id", "must equal the file name \"" + name.stem().string() +
                           "\" (packs are chosen by id), got \"" + pack.id + "\"");
    pack.name = top.localized("name");
    pack.source = readSource(top);
    pack.rules = readRules(top);
    pack.screenText = readScreenText(top);
    pack.allowedLogos = readAllowedLogos(top);
    return pack;
}

RulePack loadRulePack(const std::filesystem::path& file)
{
    return parseRulePack(readFile(file), file.string());
}

std::filesystem::path findRulePack(const std::filesystem::path& rulesDir, const std::string& idOrPath)
{
    std::error_code error;
    const std::filesystem::path asGiven(idOrPath);
    if (std::filesystem::is_regular_file(asGiven, error))
        return asGiven;
    const bool looksLikeId = !idOrPath.empty() && idOrPath.find_first_not_of(kIdChars) == std::string::npos;
    if (looksLikeId) {
        const std::filesystem::path byId = rulesDir / (idOrPath + ".json");
        if (std::filesystem::is_regular_file(byId, error))
            return byId;
    }
    std::string available;
    if (std::filesystem::is_directory(rulesDir, error))
        for (const auto& file : listRulePackFiles(rulesDir))
            available += (available.empty() ? "" : ", ") + file.stem().string();
    throw RulePackError(idOrPath, "",
                        "no such file, and no pack with this id in " + rulesDir.string() +
                            (available.empty() ? "" : " (available: " + available + ")"));
}

std::vector<std::filesystem::path> listRulePackFiles(const std::filesystem::path& rulesDir)
{
    std::error_code error;
    if (!std::filesystem::is_directory(rulesDir, error))
        throw RulePackError(rulesDir.string(), "", "no such folder");
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(rulesDir, error))
        if (entry.is_regular_file(error) && entry.path().extension() == ".json")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace cg

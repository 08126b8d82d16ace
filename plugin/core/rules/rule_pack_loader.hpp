#pragma once

#include "core/rules/rule_pack.hpp"
#include "core/rules/rule_pack_error.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

// The pack file format this build reads ("schema" in the file).
inline constexpr int kRulePackSchema = 1;

// Parses and validates a pack (format: data/rules/README.md). fileName only names the file in
// errors, and when it ends in ".json" the pack's id must equal its stem, since packs are looked
// up by id. Throws RulePackError naming the field at fault.
RulePack parseRulePack(std::string_view jsonText, const std::string& fileName);

// Reads and parses a pack file; errors name the file by its path as given.
RulePack loadRulePack(const std::filesystem::path& file);

// The pack file for idOrPath: an existing file is used as is; an id such as "alibaba" resolves to
// rulesDir/alibaba.json. Throws RulePackError, listing the packs available, when neither exists.
std::filesystem::path findRulePack(const std::filesystem::path& rulesDir, const std::string& idOrPath);

// The *.json files of rulesDir, sorted by name. Throws RulePackError when it is not a folder.
std::vector<std::filesystem::path> listRulePackFiles(const std::filesystem::path& rulesDir);

} // namespace cg

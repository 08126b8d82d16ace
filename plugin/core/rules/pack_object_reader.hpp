#pragma once

#include "core/rules/rule_pack.hpp"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

// Reads the fields of one JSON object of a rule pack file. Every failure throws RulePackError
// naming the file and the field's full path, e.g. "rules[2].thresholds.limit_s".
class PackObjectReader {
  public:
    // Throws when value is not an object; path is "" for the file's top level.
    PackObjectReader(const nlohmann::json& value, std::string fileName, std::string path);

    // Throws on the first key not in known, suggesting the closest known key (typos like "warn_after").
    void rejectUnknownKeys(std::initializer_list<std::string_view> known) const;

    [[nodiscard]] bool has(std::string_view key) const;
    [[nodiscard]] PackObjectReader object(std::string_view key) const;
    [[nodiscard]] const nlohmann::json& array(std::string_view key) const;
    // A string that is not empty or blank.
    [[nodiscard]] std::string text(std::string_view key) const;
    // A non-empty string of the characters allowed, described for the message (e.g. "a-z, 0-9, _ and -").
    [[nodiscard]] std::string identifier(std::string_view key, std::string_view allowedChars,
                                         std::string_view description) const;
    [[nodiscard]] long long integer(std::string_view key) const;
    [[nodiscard]] double nonNegativeNumber(std::string_view key) const;
    // An array of strings, each not blank ("labels": ["phone", "wechat"]); may be empty.
    [[nodiscard]] std::vector<std::string> textList(std::string_view key) const;
    // {"en-US": "...", "zh-CN": "..."}, both present and not blank, no other language.
    [[nodiscard]] LocalizedText localized(std::string_view key) const;

    [[nodiscard]] std::string pathOf(std::string_view key) const;
    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] const std::string& fileName() const { return fileName_; }
    [[noreturn]] void fail(std::string_view key, const std::string& problem) const;

  private:
    [[nodiscard]] const nlohmann::json& required(std::string_view key) const;

    const nlohmann::json& value_;
    std::string fileName_;
    std::string path_;
};

// A short description of a JSON value for "got ..." in messages: the value itself for scalars
// (cut when long), "an object" or "an array" for containers.
std::string describeJsonValue(const nlohmann::json& value);

} // namespace cg

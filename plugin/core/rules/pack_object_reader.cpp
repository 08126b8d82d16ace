#include "core/rules/pack_object_reader.hpp"

#include "core/rules/rule_pack_error.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cg {

namespace {

constexpr std::size_t kMaxShownValueLength = 40;

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string joined(std::initializer_list<std::string_view> names)
{
    std::string text;
    for (std::string_view name : names)
        text += (text.empty() ? "" : ", ") + std::string(name);
    return text;
}

bool isBlank(const std::string& text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

} // namespace

std::string describeJsonValue(const nlohmann::json& value)
{
    if (value.is_object())
        return "an object";
    if (value.is_array())
        return "an array";
    std::string shown = value.dump();
    if (shown.size() > kMaxShownValueLength)
        shown = shown.substr(0, kMaxShownValueLength) + "...";
    return shown;
}

PackObjectReader::PackObjectReader(const nlohmann::json& value, std::string fileName, std::string path)
    : value_(value), fileName_(std::move(fileName)), path_(std::move(path))
{
    if (!value_.is_object())
        throw RulePackError(fileName_, path_,
                            "must be a JSON object { ... }, got " + describeJsonValue(value_));
}

std::string PackObjectReader::pathOf(std::string_view key) const
{
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void PackObjectReader::fail(std::string_view key, const std::string& problem) const
{
    throw RulePackError(fileName_, pathOf(key), problem);
}

void PackObjectReader::rejectUnknownKeys(std::initializer_list<std::string_view> known) const
{
    for (const auto& [key, unused] : value_.items()) {
        if (std::find(known.begin(), known.end(), key) != known.end())
            continue;
        std::string problem = "unknown field; expected only " + joined(known);
        const auto closest =
            std::min_element(known.begin(), known.end(), [&](std::string_view a, std::string_view b) {
                return editDistance(key, a) < editDistance(key, b);
            });
        if (closest != known.end() && editDistance(key, *closest) <= 3)
            problem += " (did you mean \"" + std::string(*closest) + "\"?)";
        fail(key, problem);
    }
}

bool PackObjectReader::has(std::string_view key) const
{
    return value_.contains(key);
}

const nlohmann::json& PackObjectReader::required(std::string_view key) const
{
    const auto found = value_.find(key);
    if (found == value_.end())
        fail(key, "is missing");
    return *found;
}

PackObjectReader PackObjectReader::object(std::string_view key) const
{
    return PackObjectReader(required(key), fileName_, pathOf(key));
}

const nlohmann::json& PackObjectReader::array(std::string_view key) const
{
    const nlohmann::json& value = required(key);
    if (!value.is_array())
        fail(key, "must be an array [ ... ], got " + describeJsonValue(value));
    return value;
}

std::string PackObjectReader::text(std::string_view key) const
{
    const nlohmann::json& value = required(key);
    if (!value.is_string())
        fail(key, "must be a string, got " + describeJsonValue(value));
    auto result = value.get<std::string>();
    if (isBlank(result))
        fail(key, "must not be empty");
    return result;
}

std::string PackObjectReader::identifier(std::string_view key, std::string_view allowedChars,
                                         std::string_view description) const
{
    std::string result = text(key);
    if (result.find_first_not_of(allowedChars) != std::string::npos)
        fail(key, "may contain only " + std::string(description) + ", got " + describeJsonValue(result));
    return result;
}

long long PackObjectReader::integer(std::string_view key) const
{
    const nlohmann::json& value = required(key);
    if (!value.is_number_integer())
        fail(key, "must be a whole number, got " + describeJsonValue(value));
    return value.get<long long>();
}

double PackObjectReader::nonNegativeNumber(std::string_view key) const
{
    const nlohmann::json& value = required(key);
    if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0)
        fail(key, "must be a number >= 0, got " + describeJsonValue(value));
    return value.get<double>();
}

std::vector<std::string> PackObjectReader::textList(std::string_view key) const
{
    const nlohmann::json& items = array(key);
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string element = std::string(key) + "[" + std::to_string(i) + "]";
        if (!items[i].is_string())
            fail(element, "must be a string, got " + describeJsonValue(items[i]));
        auto text = items[i].get<std::string>();
        if (isBlank(text))
            fail(element, "must not be empty");
        texts.push_back(std::move(text));
    }
    return texts;
}

LocalizedText PackObjectReader::localized(std::string_view key) const
{
    const PackObjectReader texts = object(key);
    texts.rejectUnknownKeys({"en-US", "zh-CN"});
    return LocalizedText{texts.text("en-US"), texts.text("zh-CN")};
}

} // namespace cg

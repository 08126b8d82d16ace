#include "core/report/locale_texts.hpp"

#include "core/report/report_error.hpp"

#include <fstream>
#include <sstream>

namespace cg {
namespace {

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

std::string unquoted(std::string_view value)
{
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            const char next = value[++i];
            out += next == 'n' ? '\n' : next;
        } else {
            out += value[i];
        }
    }
    return out;
}

} // namespace

LocaleTexts LocaleTexts::parse(std::string_view content)
{
    LocaleTexts texts;
    std::size_t begin = 0;
    while (begin <= content.size()) {
        std::size_t end = content.find('\n', begin);
        if (end == std::string_view::npos)
            end = content.size();
        const std::string_view line = trimmed(content.substr(begin, end - begin));
        begin = end + 1;
        if (line.empty() || line.front() == '#' || line.front() == ';' || line.front() == '[')
            continue;
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos)
            continue;
        texts.texts_[std::string(trimmed(line.substr(0, equals)))] =
            unquoted(trimmed(line.substr(equals + 1)));
    }
    return texts;
}

LocaleTexts LocaleTexts::load(const std::filesystem::path& dir, const std::string& language)
{
    const std::filesystem::path file = dir / (language + ".ini");
    std::ifstream input(file, std::ios::binary);
    if (!input)
        throw ReportError(file.string() + ": cannot be read (no texts for language \"" + language + "\")");
    std::stringstream buffer;
    buffer << input.rdbuf();
    return parse(buffer.str());
}

std::string LocaleTexts::text(const std::string& key) const
{
    const auto found = texts_.find(key);
    return found == texts_.end() ? key : found->second;
}

std::string LocaleTexts::format(const std::string& key, const std::vector<std::string>& args) const
{
    return fillPlaceholders(text(key), args);
}

std::string fillPlaceholders(const std::string& pattern, const std::vector<std::string>& args)
{
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const auto index = static_cast<std::size_t>(pattern[i + 1] - '1');
            out += index < args.size() ? args[index] : std::string();
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

} // namespace cg

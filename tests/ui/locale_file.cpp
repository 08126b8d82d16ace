#include "locale_file.hpp"

#include <fstream>

namespace cg::test {
namespace {

std::string unescape(const std::string& quoted)
{
    std::string text;
    for (std::size_t i = 0; i < quoted.size(); ++i) {
        if (quoted[i] == '\\' && i + 1 < quoted.size()) {
            const char next = quoted[++i];
            text += next == 'n' ? '\n' : next == 't' ? '\t' : next;
        } else {
            text += quoted[i];
        }
    }
    return text;
}

} // namespace

LocaleFile readLocaleFile(const std::filesystem::path& path)
{
    LocaleFile file;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == ';' || line[0] == '#')
            continue;
        const auto equals = line.find('=');
        const bool quoted = equals != std::string::npos && line.size() >= equals + 3 &&
                            line[equals + 1] == '"' && line.back() == '"';
        if (!quoted) {
            file.malformedLines.push_back(line);
            continue;
        }
        const std::string key = line.substr(0, equals);
        if (file.texts.contains(key))
            file.duplicateKeys.push_back(key);
        file.texts[key] = unescape(line.substr(equals + 2, line.size() - equals - 3));
    }
    return file;
}

std::filesystem::path repoLocaleDir()
{
    return std::filesystem::path(CG_SOURCE_DIR) / "locale";
}

} // namespace cg::test

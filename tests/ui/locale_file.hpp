#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace cg::test {

// An OBS locale file (key="value" per line, ';' or '#' comments) as OBS's text lookup reads it.
struct LocaleFile {
    std::map<std::string, std::string> texts;
    std::vector<std::string> duplicateKeys;
    std::vector<std::string> malformedLines;
};

LocaleFile readLocaleFile(const std::filesystem::path& path);

std::filesystem::path repoLocaleDir();

} // namespace cg::test

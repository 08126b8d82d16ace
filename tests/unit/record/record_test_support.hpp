#pragma once

#include "core/record/record_line.hpp"
#include "support/temp_folder.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace cg::test {

using cg::TempFolder;

inline std::string readFile(const std::filesystem::path& file)
{
    std::ifstream input(file, std::ios::binary);
    std::stringstream buffer;
    buffer << input.rdbuf();
    return buffer.str();
}

inline void writeFile(const std::filesystem::path& file, const std::string& content)
{
    std::ofstream output(file, std::ios::binary | std::ios::trunc);
    output << content;
}

// The lines of session.jsonl without their newlines; a final unterminated piece is included.
inline std::vector<std::string> readRecordLines(const std::filesystem::path& sessionDir)
{
    std::vector<std::string> lines;
    std::istringstream input(readFile(sessionDir / kRecordFileName));
    for (std::string line; std::getline(input, line);)
        lines.push_back(line);
    return lines;
}

inline void writeRecordLines(const std::filesystem::path& sessionDir, const std::vector<std::string>& lines)
{
    std::string content;
    for (const std::string& line : lines)
        content += line + "\n";
    writeFile(sessionDir / kRecordFileName, content);
}

inline std::size_t countTerminatedLines(const std::string& content)
{
    return static_cast<std::size_t>(std::count(content.begin(), content.end(), '\n'));
}

// Recomputes prev and hash of every line from index `from` on, as a forger who knows the format
// would, so that a test can show which check catches a change other than a broken hash.
inline void rechainFrom(std::vector<std::string>& lines, std::size_t from)
{
    std::string prev(kGenesisHash);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto line = nlohmann::json::parse(lines[i]);
        if (i >= from) {
            line["prev"] = prev;
            line["hash"] = recordLineHash(prev, line);
            lines[i] = line.dump();
        }
        prev = line["hash"].get<std::string>();
    }
}

} // namespace cg::test

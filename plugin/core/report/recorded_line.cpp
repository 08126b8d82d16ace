#include "core/report/recorded_line.hpp"

#include "core/record/record_line.hpp"
#include "core/report/report_error.hpp"

#include <fstream>
#include <sstream>

namespace cg {
namespace {

[[noreturn]] void fail(const std::string& fileName, std::size_t lineNumber, const std::string& field,
                       const std::string& problem)
{
    std::string message = fileName + ": line " + std::to_string(lineNumber) + ": ";
    if (!field.empty())
        message += "field \"" + field + "\": ";
    throw ReportError(message + problem);
}

std::int64_t integerField(const nlohmann::json& line, const char* field, const std::string& fileName,
                          std::size_t lineNumber)
{
    const auto found = line.find(field);
    if (found == line.end() || !found->is_number_integer())
        fail(fileName, lineNumber, field, "missing or not an integer");
    return found->get<std::int64_t>();
}

RecordedLine parseLine(const std::string& text, const std::string& fileName, std::size_t lineNumber)
{
    nlohmann::json line = nlohmann::json::parse(text, nullptr, false);
    if (line.is_discarded() || !line.is_object())
        fail(fileName, lineNumber, "", "not a JSON object");
    RecordedLine out;
    out.lineNumber = lineNumber;
    out.seq = integerField(line, "seq", fileName, lineNumber);
    out.ts = integerField(line, "ts", fileName, lineNumber);
    out.t = Millis{integerField(line, "t", fileName, lineNumber)};
    const auto type = line.find("type");
    if (type == line.end() || !type->is_string())
        fail(fileName, lineNumber, "type", "missing or not a string");
    out.type = type->get<std::string>();
    const auto payload = line.find("payload");
    if (payload == line.end() || !payload->is_object())
        fail(fileName, lineNumber, "payload", "missing or not an object");
    out.payload = *payload;
    if (const auto evidence = line.find("evidence"); evidence != line.end()) {
        if (!evidence->is_object() || !evidence->contains("file") || !(*evidence)["file"].is_string())
            fail(fileName, lineNumber, "evidence.file", "missing or not a string");
        out.evidenceFile = (*evidence)["file"].get<std::string>();
    }
    out.line = std::move(line);
    return out;
}

} // namespace

std::vector<RecordedLine> parseRecordedLines(const std::string& content, const std::string& fileName,
                                             std::size_t maxLines)
{
    std::vector<RecordedLine> lines;
    std::size_t begin = 0;
    std::size_t lineNumber = 0;
    while (begin < content.size() && lineNumber < maxLines) {
        const std::size_t end = content.find('\n', begin);
        if (end == std::string::npos)
            break; // torn by a crash: the verifier reports it, the report leaves it out
        ++lineNumber;
        lines.push_back(parseLine(content.substr(begin, end - begin), fileName, lineNumber));
        begin = end + 1;
    }
    if (lines.empty())
        throw ReportError(fileName + ": no complete line: the record is empty");
    if (lines.front().type != "session_start")
        fail(fileName, 1, "type", "the first line must be session_start, got \"" + lines.front().type + "\"");
    return lines;
}

std::vector<RecordedLine> readRecordedLines(const std::filesystem::path& sessionDir, std::size_t maxLines)
{
    const std::filesystem::path file = sessionDir / kRecordFileName;
    std::ifstream input(file, std::ios::binary);
    if (!input)
        throw ReportError(file.string() + ": cannot be read (is this a compliance record folder?)");
    std::stringstream buffer;
    buffer << input.rdbuf();
    return parseRecordedLines(buffer.str(), file.string(), maxLines);
}

} // namespace cg

#include "core/rules/strict_json.hpp"

#include "core/rules/rule_pack_error.hpp"

#include <algorithm>
#include <set>
#include <vector>

namespace cg {

namespace {

struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1; // in characters, not bytes, so that Chinese text counts right
};

bool isUtf8Continuation(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// nlohmann's byte is the count of bytes read, the offending one included.
TextPosition positionOfByte(std::string_view text, std::size_t bytesRead)
{
    const std::size_t offset = std::min(bytesRead > 0 ? bytesRead - 1 : 0, text.size());
    TextPosition position;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++position.line;
            lineStart = i + 1;
        }
    }
    const auto line = text.substr(lineStart, offset - lineStart);
    position.column = 1 + static_cast<std::size_t>(std::count_if(
                              line.begin(), line.end(), [](char c) { return !isUtf8Continuation(c); }));
    return position;
}

// nlohmann's message starts with "[json.exception.parse_error.101] parse error at line 1, column 2: ";
// the position is reported separately, so only the explanation after it is kept.
std::string explanationOf(const nlohmann::json::parse_error& error)
{
    const std::string message = error.what();
    const auto at = message.find("parse error");
    const auto colon = message.find(": ", at == std::string::npos ? 0 : at);
    return colon == std::string::npos ? message : message.substr(colon + 2);
}

// Where the parser is inside nested containers, to name the field of a repeated key.
struct Container {
    bool isArray = false;
    std::set<std::string> keys;
    std::string currentKey;
    long currentIndex = -1;
};

std::string pathTo(const std::vector<Container>& stack, const std::string& key)
{
    std::string path;
    for (std::size_t i = 0; i + 1 < stack.size(); ++i) {
        if (stack[i].isArray)
            path += "[" + std::to_string(stack[i].currentIndex) + "]";
        else
            path += (path.empty() ? "" : ".") + stack[i].currentKey;
    }
    return path + (path.empty() ? "" : ".") + key;
}

} // namespace

nlohmann::json parseStrictJson(std::string_view text, const std::string& fileName)
{
    std::vector<Container> stack;
    auto beginValue = [&stack] {
        if (!stack.empty() && stack.back().isArray)
            ++stack.back().currentIndex;
    };
    auto rejectRepeatedKeys = [&](int /*depth*/, nlohmann::json::parse_event_t event,
                                  nlohmann::json& parsed) {
        using Event = nlohmann::json::parse_event_t;
        switch (event) {
        case Event::object_start:
        case Event::array_start:
            beginValue();
            stack.push_back(Container{event == Event::array_start, {}, {}, -1});
            break;
        case Event::key: {
            const auto key = parsed.get<std::string>();
            if (!stack.back().keys.insert(key).second)
                throw RulePackError(fileName, pathTo(stack, key),
                                    "appears twice in the same object; only one can take effect");
            stack.back().currentKey = key;
            break;
        }
        case Event::value:
            beginValue();
            break;
        case Event::object_end:
        case Event::array_end:
            stack.pop_back();
            break;
        }
        return true;
    };
    try {
        return nlohmann::json::parse(text.begin(), text.end(), rejectRepeatedKeys);
    } catch (const nlohmann::json::parse_error& error) {
        const TextPosition position = positionOfByte(text, error.byte);
        const std::string where =
            "line " + std::to_string(position.line) + ", column " + std::to_string(position.column);
        // The parser's explanation would quote the undecodable bytes; say what to do instead.
        if (std::string_view(error.what()).find("ill-formed UTF-8") != std::string_view::npos)
            throw RulePackError(
                fileName, "",
                "not UTF-8 text at " + where +
                    ": save the file as UTF-8 (some editors default to GBK or another encoding)");
        throw RulePackError(fileName, "", "not valid JSON at " + where + ": " + explanationOf(error));
    } catch (const nlohmann::json::out_of_range& error) {
        // Only a number too large for a double gets here, e.g. 1e400.
        const std::string message = error.what();
        const auto detail = message.find("] ");
        throw RulePackError(fileName, "", detail == std::string::npos ? message : message.substr(detail + 2));
    }
}

} // namespace cg

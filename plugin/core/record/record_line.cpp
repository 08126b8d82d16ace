#include "core/record/record_line.hpp"

#include "core/record/sha256.hpp"

#include <algorithm>
#include <cstdio>

namespace cg {

bool isRecordLineType(std::string_view type)
{
    return std::find(kRecordLineTypes.begin(), kRecordLineTypes.end(), type) != kRecordLineTypes.end();
}

bool isDurableRecordLineType(std::string_view type)
{
    return type.starts_with("finding_") || type.starts_with("session_") || type == "error";
}

std::string canonicalRecordLine(const nlohmann::json& line)
{
    if (line.is_object() && (line.contains("hash") || line.contains("signature"))) {
        nlohmann::json withoutHash = line;
        withoutHash.erase("hash");
        withoutHash.erase("signature");
        return withoutHash.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string recordLineHash(std::string_view prev, const nlohmann::json& line)
{
    std::string hashed(prev);
    hashed += canonicalRecordLine(line);
    return sha256Hex(hashed);
}

std::string evidenceFileName(std::int64_t seq, std::string_view label)
{
    std::string cleaned;
    bool lastWasUnderscore = false;
    for (const char c : label) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        if (alnum) {
            cleaned.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
            lastWasUnderscore = false;
        } else if (!cleaned.empty() && !lastWasUnderscore) {
            cleaned.push_back('_');
            lastWasUnderscore = true;
        }
        if (cleaned.size() >= 40)
            break;
    }
    while (!cleaned.empty() && cleaned.back() == '_')
        cleaned.pop_back();
    if (cleaned.empty())
        cleaned = "evidence";
    char number[32];
    std::snprintf(number, sizeof number, "%06lld", static_cast<long long>(seq));
    return std::string(kEvidenceFolderName) + "/" + number + "-" + cleaned + ".jpg";
}

bool isSha256Hex(std::string_view text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

} // namespace cg

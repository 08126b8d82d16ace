#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cg {

// One piece of an on-screen text line that breaks a rule: a contact detail, an external platform,
// an absolute claim. Offsets are bytes into the line as given (UTF-8), and text is exactly
// line.substr(begin, end - begin), so OCR noise stays visible to whoever reads the finding.
struct TextFinding {
    std::string kind; // one of the text_kind names below
    std::string text;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool operator==(const TextFinding&) const = default;
};

namespace text_kind {
inline constexpr std::string_view url = "url";
inline constexpr std::string_view email = "email";
inline constexpr std::string_view phone = "phone";
inline constexpr std::string_view wechat = "wechat";
inline constexpr std::string_view qq = "qq";
inline constexpr std::string_view handle = "handle";
inline constexpr std::string_view bankCard = "bank_card";
inline constexpr std::string_view platformName = "platform_name";
inline constexpr std::string_view absoluteClaim = "absolute_claim";
} // namespace text_kind

// A finding's place in the normalised line, before it is mapped back to the caller's bytes.
struct TextSpan {
    std::string_view kind;
    std::size_t begin = 0;
    std::size_t end = 0;
};

} // namespace cg

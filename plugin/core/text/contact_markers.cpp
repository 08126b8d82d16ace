#include "core/text/contact_markers.hpp"

#include "core/text/number_scanning.hpp"
#include "core/text/text_scanning.hpp"

#include <array>
#include <optional>
#include <string>

namespace cg {
namespace {

using namespace text_scan;

// Longest first, so "微信号" wins over "微信". ASCII letters match without case ("VX", "Vx", "v信").
constexpr std::array<std::string_view, 10> kWechatMarkers = {"微信号", "wechat", "weixin", "微信", "薇信",
                                                             "威信",   "v信",    "加v",    "vx",   "wx"};
constexpr std::array<std::string_view, 3> kQqMarkers = {"qq", "扣扣", "企鹅"};

struct MarkerEnd {
    std::size_t markerBegin = 0;
    std::size_t accountBegin = 0;
    bool colon = false;    // "微信：..." says an account follows whatever it looks like
    bool attached = false; // no separator at all: "微信abc123", "vx13800138000"
};

std::optional<MarkerEnd> markerAt(std::string_view text, std::size_t at, std::string_view marker,
                                  std::initializer_list<std::string_view> suffixes)
{
    if (!matchesAt(text, at, marker)) {
        return std::nullopt;
    }
    // An ASCII marker must start a word: "wx" in "twx" or "qq" in "qqq" is something else.
    if (isLetter(marker.front()) && at > 0 && isAlnum(text[at - 1])) {
        return std::nullopt;
    }
    std::size_t end = at + marker.size();
    std::size_t afterSpaces = end;
    while (afterSpaces < text.size() && text[afterSpaces] == ' ') {
        ++afterSpaces;
    }
    for (const std::string_view suffix : suffixes) {
        // "WeChat ID" may have a space before the ASCII suffix, "微信号" has none.
        const std::size_t suffixAt = isLetter(suffix.front()) ? afterSpaces : end;
        if (matchesAt(text, suffixAt, suffix) &&
            !(isLetter(suffix.back()) && isAlnumAt(text, suffixAt + suffix.size()))) {
            end = suffixAt + suffix.size();
            break;
        }
    }
    MarkerEnd result{at, end, false, false};
    while (result.accountBegin < text.size() && result.accountBegin - end < 4 &&
           (text[result.accountBegin] == ' ' || text[result.accountBegin] == ':')) {
        result.colon = result.colon || text[result.accountBegin] == ':';
        ++result.accountBegin;
    }
    result.attached = result.accountBegin == end;
    return result;
}

bool isWechatIdCharacter(char c)
{
    return isAlnum(c) || c == '_' || c == '-';
}

// A mobile number, possibly +86 and grouped with spaces or dashes; returns its end.
std::optional<std::size_t> mobileNumberEnd(std::string_view digits, std::size_t at)
{
    if (matchesAt(digits, at, "+86")) {
        at += 3;
        while (at < digits.size() && (digits[at] == ' ' || digits[at] == '-')) {
            ++at;
        }
    }
    std::string number;
    std::size_t end = at;
    std::size_t scan = at;
    while (scan < digits.size() && number.size() < 12) {
        if (isDigit(digits[scan])) {
            number += digits[scan];
            end = ++scan;
        } else if ((digits[scan] == ' ' || digits[scan] == '-') && isDigitAt(digits, scan + 1) &&
                   !number.empty()) {
            ++scan;
        } else {
            break;
        }
    }
    if (!isChineseMobile(number) || isDigitAt(digits, end)) {
        return std::nullopt;
    }
    return end;
}

// A WeChat ID: 6-20 letters, digits, '_' or '-', starting with a letter; returns its end.
std::optional<std::size_t> wechatIdEnd(std::string_view text, std::size_t at, bool needsNonLetter)
{
    if (!isLetterAt(text, at)) {
        return std::nullopt;
    }
    std::size_t end = at;
    bool hasNonLetter = false;
    while (end < text.size() && isWechatIdCharacter(text[end])) {
        hasNonLetter = hasNonLetter || !isLetter(text[end]);
        ++end;
    }
    const std::size_t length = end - at;
    // Followed by '@' or ".com" it is an e-mail address or a domain, read by their own scanners.
    const bool continues =
        end < text.size() && (text[end] == '@' || (text[end] == '.' && isAlnumAt(text, end + 1)));
    if (length < 6 || length > 20 || continues || (needsNonLetter && !hasNonLetter)) {
        return std::nullopt;
    }
    return end;
}

} // namespace

std::vector<TextSpan> findWechatAccounts(const NormalisedLine& line)
{
    const std::string_view text = line.text;
    std::vector<TextSpan> spans;
    std::size_t at = 0;
    while (at < text.size()) {
        std::optional<std::size_t> accountEnd;
        for (const std::string_view marker : kWechatMarkers) {
            const auto found = markerAt(text, at, marker, {"号码", "号", "id", "账号"});
            if (!found) {
                continue;
            }
            // "wxabc" or "WeChatPay" is one word, not a marker and an ID.
            if (found->attached && isLetter(marker.back()) && isLetterAt(text, found->accountBegin)) {
                continue;
            }
            accountEnd = mobileNumberEnd(line.digits, found->accountBegin);
            if (!accountEnd) {
                // "WeChat available": after only a space, a plain word is not taken for an ID.
                const bool needsNonLetter = !found->colon && !found->attached;
                accountEnd = wechatIdEnd(text, found->accountBegin, needsNonLetter);
            }
            if (accountEnd) {
                spans.push_back({text_kind::wechat, at, *accountEnd});
                break;
            }
        }
        at = accountEnd ? *accountEnd : at + 1;
    }
    return spans;
}

std::vector<TextSpan> findQqNumbers(const NormalisedLine& line)
{
    const std::string_view text = line.text;
    const std::string_view digits = line.digits;
    std::vector<TextSpan> spans;
    std::size_t at = 0;
    while (at < text.size()) {
        std::optional<std::size_t> numberEnd;
        for (const std::string_view marker : kQqMarkers) {
            const auto found = markerAt(text, at, marker, {"群号", "号码", "号", "群"});
            if (!found || !isDigitAt(digits, found->accountBegin) || digits[found->accountBegin] == '0') {
                continue;
            }
            std::size_t end = found->accountBegin;
            while (isDigitAt(digits, end)) {
                ++end;
            }
            const std::size_t length = end - found->accountBegin;
            if (length >= 5 && length <= 11 && !isLetterAt(text, end)) {
                numberEnd = end;
                spans.push_back({text_kind::qq, at, end});
                break;
            }
        }
        at = numberEnd ? *numberEnd : at + 1;
    }
    return spans;
}

} // namespace cg

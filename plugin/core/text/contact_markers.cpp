#include "core/text/contact_markers.hpp"

#include "core/text/number_scanning.hpp"
#include "core/text/text_scanning.hpp"

#include <algorithm>
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
// Video and social platforms whose account numbers sellers show: "抖音号: lily_88", "TikTok ID lily88".
// OCR reads a bold 抖 as 拌 (the same hand radical beside 斗 or 半) at most line heights; "拌音" is no
// word, and it still needs a suffix or a colon and an account after it.
constexpr std::array<std::string_view, 12> kPlatformAccountMarkers = {
    "小红书", "视频号",   "抖音",      "拌音",     "快手",     "tiktok",
    "douyin", "kuaishou", "instagram", "telegram", "whatsapp", "ig"};

struct MarkerEnd {
    std::size_t markerBegin = 0;
    std::size_t accountBegin = 0;
    bool colon = false;    // "微信：..." says an account follows whatever it looks like
    bool attached = false; // no separator at all: "微信abc123", "vx13800138000"
    bool suffixed = false; // "微信号", "QQ群", "抖音ID"
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
    MarkerEnd result{at, end, false, false, end > at + marker.size()};
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

// The end of the run of WeChat ID characters that starts at `at`.
std::size_t wechatIdRunEnd(std::string_view text, std::size_t at)
{
    while (at < text.size() && isWechatIdCharacter(text[at])) {
        ++at;
    }
    return at;
}

// A WeChat ID: 6-20 letters, digits, '_' or '-', starting with a letter; returns its end.
std::optional<std::size_t> wechatIdEnd(std::string_view text, std::size_t at, bool needsNonLetter)
{
    if (!isLetterAt(text, at)) {
        return std::nullopt;
    }
    std::size_t end = wechatIdRunEnd(text, at);
    std::size_t length = end - at;
    bool hasNonLetter =
        std::any_of(text.begin() + static_cast<std::ptrdiff_t>(at),
                    text.begin() + static_cast<std::ptrdiff_t>(end), [](char c) { return !isLetter(c); });
    // An ID holds no space, but OCR reads its '_' as one ("lucky home6" for "lucky_home6"): a part
    // too short to be an ID, then one space and a part with a digit, is one ID.
    if (length < 6 && end + 1 < text.size() && text[end] == ' ') {
        const std::size_t joinedEnd = wechatIdRunEnd(text, end + 1);
        const bool hasDigit = std::any_of(text.begin() + static_cast<std::ptrdiff_t>(end + 1),
                                          text.begin() + static_cast<std::ptrdiff_t>(joinedEnd), isDigit);
        if (hasDigit) {
            length += joinedEnd - end - 1;
            hasNonLetter = true;
            end = joinedEnd;
        }
    }
    // Followed by '@' or ".com" it is an e-mail address or a domain, read by their own scanners.
    const bool continues =
        end < text.size() && (text[end] == '@' || (text[end] == '.' && isAlnumAt(text, end + 1)));
    if (length < 6 || length > 20 || continues || (needsNonLetter && !hasNonLetter)) {
        return std::nullopt;
    }
    return end;
}

// An account name on a video or social platform: 4-30 letters, digits, '_', '.', '-', starting with
// a letter or digit, with a letter in it unless it is a number of 6 digits or more; returns its end.
std::optional<std::size_t> platformAccountEnd(std::string_view text, std::size_t at)
{
    if (!isAlnumAt(text, at)) {
        return std::nullopt;
    }
    std::size_t end = at;
    bool hasLetter = false;
    while (end < text.size() && (isWechatIdCharacter(text[end]) || text[end] == '.')) {
        hasLetter = hasLetter || isLetter(text[end]);
        ++end;
    }
    while (end > at && (text[end - 1] == '.' || text[end - 1] == '-')) {
        --end;
    }
    const std::size_t length = end - at;
    if (length < 4 || length > 30 || (!hasLetter && length < 6) || (end < text.size() && text[end] == '@')) {
        return std::nullopt;
    }
    return end;
}

// Every place where a marker (with one of `suffixes`) is followed by what `accountEnd(found)`
// accepts: a span of `kind` from the marker to the end of the account. Markers are tried in order
// at each position, so longer ones must come first.
template <std::size_t N, typename AccountEnd>
std::vector<TextSpan> findAfterMarkers(std::string_view text, const std::array<std::string_view, N>& markers,
                                       std::initializer_list<std::string_view> suffixes,
                                       std::string_view kind, AccountEnd accountEnd)
{
    std::vector<TextSpan> spans;
    std::size_t at = 0;
    while (at < text.size()) {
        std::optional<std::size_t> end;
        for (const std::string_view marker : markers) {
            const auto found = markerAt(text, at, marker, suffixes);
            if (!found)
                continue;
            end = accountEnd(marker, *found);
            if (end) {
                spans.push_back({kind, at, *end});
                break;
            }
        }
        at = end ? *end : at + 1;
    }
    return spans;
}

} // namespace

std::vector<TextSpan> findPlatformAccounts(const NormalisedLine& line)
{
    const std::string_view text = line.text;
    return findAfterMarkers(text, kPlatformAccountMarkers, {"号码", "号", "id", "账号"}, text_kind::handle,
                            [&](std::string_view, const MarkerEnd& found) -> std::optional<std::size_t> {
                                // The platform's name alone ("抖音同款", "TikTok shop") is no account: a
                                // suffix or a colon must say that one follows.
                                if (!found.suffixed && !found.colon)
                                    return std::nullopt;
                                return platformAccountEnd(text, found.accountBegin);
                            });
}

std::vector<TextSpan> findWechatAccounts(const NormalisedLine& line)
{
    const std::string_view text = line.text;
    return findAfterMarkers(
        text, kWechatMarkers, {"号码", "号", "id", "账号"}, text_kind::wechat,
        [&](std::string_view marker, const MarkerEnd& found) -> std::optional<std::size_t> {
            // "wxabc" or "WeChatPay" is one word, not a marker and an ID; "加Vlily88" starts with a
            // Chinese character and is a marker and an ID.
            if (found.attached && isLetter(marker.front()) && isLetter(marker.back()) &&
                isLetterAt(text, found.accountBegin))
                return std::nullopt;
            if (const auto end = mobileNumberEnd(line.digits, found.accountBegin))
                return end;
            // "WeChat available": after only a space, a plain word is not taken for an ID.
            const bool needsNonLetter = !found.colon && !found.attached;
            return wechatIdEnd(text, found.accountBegin, needsNonLetter);
        });
}

std::vector<TextSpan> findQqNumbers(const NormalisedLine& line)
{
    const std::string_view text = line.text;
    const std::string_view digits = line.digits;
    return findAfterMarkers(text, kQqMarkers, {"群号", "号码", "号", "群"}, text_kind::qq,
                            [&](std::string_view, const MarkerEnd& found) -> std::optional<std::size_t> {
                                if (!isDigitAt(digits, found.accountBegin) ||
                                    digits[found.accountBegin] == '0')
                                    return std::nullopt;
                                std::size_t end = found.accountBegin;
                                while (isDigitAt(digits, end))
                                    ++end;
                                const std::size_t length = end - found.accountBegin;
                                if (length < 5 || length > 11 || isLetterAt(text, end))
                                    return std::nullopt;
                                return end;
                            });
}

} // namespace cg

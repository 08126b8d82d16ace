#include "core/text/web_addresses.hpp"

#include "core/text/text_scanning.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>

namespace cg {
namespace {

using namespace text_scan;

// Top-level domains a bare domain must end with. Deliberately short: ".in", ".us", ".my", ".id" and
// the like are left out because "Log.In", "Contact.us" or "Mr.Li" appear in ordinary captions.
constexpr std::array<std::string_view, 34> kTopLevelDomains = {
    "com", "net", "org", "cn", "io",  "me",   "co",   "shop",   "store", "top",  "xyz", "info",
    "biz", "app", "tv",  "cc", "vip", "club", "site", "online", "live",  "link", "ai",  "ly",
    "hk",  "tw",  "jp",  "kr", "uk",  "de",   "ru",   "vn",     "sg",    "au"};

// Link shorteners and chat links, which sellers use to send buyers elsewhere. OCR often loses the
// small dot in them or reads it as a space ("bitly/D5Ma46Z", "wa me/8613800138000"); followed by a
// path, they are still links.
constexpr std::array<std::string_view, 12> kShortLinkHosts = {
    "bit.ly", "t.cn",  "tinyurl.com", "goo.gl",     "dwz.cn", "url.cn",
    "is.gd",  "ow.ly", "cutt.ly",     "rebrand.ly", "t.me",   "wa.me"};

// The mail services most addresses on sellers' banners use. OCR often loses or garbles the dot
// before their top-level domain ("lucky967@gmail .", "nina17@qq com", "wear@163¥com").
constexpr std::array<std::string_view, 13> kMailServices = {
    "qq",      "163",  "126",  "gmail",  "outlook", "hotmail", "yahoo",
    "foxmail", "sina", "sohu", "icloud", "aliyun",  "yeah"};

bool isLocalPartCharacter(char c)
{
    return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool isLabelCharacter(char c)
{
    return isAlnum(c) || c == '-';
}
bool isPathCharacter(char c)
{
    return c > ' ' && c < 0x7F && c != '"' && c != '\'' && c != '<' && c != '>';
}

bool isTopLevelDomain(std::string_view label)
{
    return std::any_of(kTopLevelDomains.begin(), kTopLevelDomains.end(), [&](std::string_view tld) {
        return tld.size() == label.size() && matchesAt(label, 0, tld);
    });
}

struct Domain {
    std::size_t end = 0;
    std::size_t labels = 0;
    std::size_t lastLabelBegin = 0;
    bool nonTldLabelIsWordy = false; // some label besides the TLD has a letter or 3+ characters
};

Domain readDomain(std::string_view text, std::size_t at)
{
    Domain domain{at, 0, at, false};
    std::size_t scan = at;
    while (true) {
        const std::size_t labelBegin = scan;
        while (scan < text.size() && isLabelCharacter(text[scan])) {
            ++scan;
        }
        if (scan == labelBegin) {
            break;
        }
        if (domain.labels > 0) {
            domain.nonTldLabelIsWordy =
                domain.nonTldLabelIsWordy || domain.end - domain.lastLabelBegin >= 3 ||
                std::any_of(text.begin() + static_cast<std::ptrdiff_t>(domain.lastLabelBegin),
                            text.begin() + static_cast<std::ptrdiff_t>(domain.end), isLetter);
        }
        ++domain.labels;
        domain.lastLabelBegin = labelBegin;
        domain.end = scan;
        if (scan + 1 < text.size() && text[scan] == '.' && isLabelCharacter(text[scan + 1])) {
            ++scan;
        } else {
            break;
        }
    }
    return domain;
}

// Path after a host, without the sentence punctuation that usually follows a link.
std::size_t pathEnd(std::string_view text, std::size_t at)
{
    std::size_t end = at;
    while (end < text.size() && isPathCharacter(text[end])) {
        ++end;
    }
    while (end > at &&
           (text[end - 1] == '.' || text[end - 1] == ',' || text[end - 1] == ';' || text[end - 1] == ':' ||
            text[end - 1] == '!' || text[end - 1] == '?' || text[end - 1] == ')')) {
        --end;
    }
    return end;
}

bool insideAny(const std::vector<TextSpan>& spans, std::size_t at)
{
    return std::any_of(spans.begin(), spans.end(),
                       [&](const TextSpan& s) { return at >= s.begin && at < s.end; });
}

// The end of `host` written with each dot lost or read as a space at `at` ("bitly" or "bit ly" for
// "bit.ly"), or npos.
std::size_t hostWithoutDotsEnd(std::string_view text, std::size_t at, std::string_view host)
{
    for (const char expected : host) {
        if (expected == '.') {
            at += (at < text.size() && text[at] == ' ') ? 1 : 0;
            continue;
        }
        if (at >= text.size() || toLower(text[at]) != expected) {
            return std::string_view::npos;
        }
        ++at;
    }
    return at;
}

// The end of a short link whose host lost its dot, or `at` when there is none at `at`.
std::size_t shortLinkWithoutDotEnd(std::string_view text, std::size_t at)
{
    for (const std::string_view host : kShortLinkHosts) {
        const std::size_t slash = hostWithoutDotsEnd(text, at, host);
        if (slash < text.size() && text[slash] == '/') {
            const std::size_t end = pathEnd(text, slash + 1);
            if (end - slash > 3) {
                return end;
            }
        }
    }
    return at;
}

// The end of a mail service's name right after `at` (the '@') when its top-level domain was lost
// or misread, including a misread " com" or "¥cn" after it; `at` when there is none.
std::size_t mailServiceWithoutDotEnd(std::string_view text, std::size_t at)
{
    for (const std::string_view service : kMailServices) {
        const std::size_t end = at + 1 + service.size();
        if (!matchesAt(text, at + 1, service) || isAlnumAt(text, end) ||
            (end < text.size() && text[end] == '.')) {
            continue;
        }
        // One separator that is not a dot (a space, a comma, a yen sign), then the domain's ending.
        std::size_t next = end;
        while (next < text.size() && next - end < 3 && !isAlnum(text[next]) && text[next] != '@') {
            ++next;
        }
        for (const std::string_view ending : {"com", "cn", "net"}) {
            if (next > end && matchesAt(text, next, ending) && !isAlnumAt(text, next + ending.size())) {
                return next + ending.size();
            }
        }
        return end;
    }
    return at;
}

} // namespace

std::vector<TextSpan> findEmails(std::string_view text)
{
    std::vector<TextSpan> spans;
    for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
        std::size_t begin = at;
        while (begin > 0 && isLocalPartCharacter(text[begin - 1])) {
            --begin;
        }
        while (begin < at && text[begin] == '.') {
            ++begin;
        }
        if (begin == at || (!spans.empty() && begin < spans.back().end)) {
            continue;
        }
        const Domain domain = readDomain(text, at + 1);
        const std::string_view tld = text.substr(domain.lastLabelBegin, domain.end - domain.lastLabelBegin);
        const bool tldIsLetters = tld.size() >= 2 && std::all_of(tld.begin(), tld.end(), isLetter);
        if (domain.labels >= 2 && tldIsLetters) {
            spans.push_back({text_kind::email, begin, domain.end});
        } else if (const std::size_t end = mailServiceWithoutDotEnd(text, at); end > at) {
            spans.push_back({text_kind::email, begin, end});
        }
    }
    return spans;
}

std::vector<TextSpan> findUrls(std::string_view text, const std::vector<TextSpan>& emails)
{
    std::vector<TextSpan> spans;
    std::size_t at = 0;
    while (at < text.size()) {
        const bool wordStart =
            isAlnum(text[at]) &&
            (at == 0 || (!isLocalPartCharacter(text[at - 1]) && text[at - 1] != '@' && text[at - 1] != '/'));
        if (!wordStart || insideAny(emails, at)) {
            ++at;
            continue;
        }
        if (const std::size_t end = shortLinkWithoutDotEnd(text, at); end > at) {
            spans.push_back({text_kind::url, at, end});
            at = end;
            continue;
        }
        std::size_t hostBegin = at;
        bool explicitLink = false;
        for (const std::string_view scheme : {"https://", "http://"}) {
            if (matchesAt(text, at, scheme)) {
                hostBegin = at + scheme.size();
                explicitLink = true;
                break;
            }
        }
        explicitLink = explicitLink || matchesAt(text, at, "www.");
        const Domain domain = readDomain(text, hostBegin);
        const std::string_view tld = text.substr(domain.lastLabelBegin, domain.end - domain.lastLabelBegin);
        const bool bareDomain = domain.labels >= 2 && isTopLevelDomain(tld) && domain.nonTldLabelIsWordy;
        if (!(explicitLink && domain.labels >= 1) && !bareDomain) {
            at = std::max(domain.end, at + 1);
            continue;
        }
        std::size_t end = domain.end;
        if (end < text.size() && text[end] == '/') {
            end = std::max(end, pathEnd(text, end));
        }
        spans.push_back({text_kind::url, at, end});
        at = end;
    }
    return spans;
}

std::vector<TextSpan> findHandles(std::string_view text)
{
    std::vector<TextSpan> spans;
    for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
        if (at > 0 && (isLocalPartCharacter(text[at - 1]))) {
            continue; // part of an e-mail address
        }
        std::size_t end = at + 1;
        bool hasLetter = false;
        while (end < text.size() && (isAlnum(text[end]) || text[end] == '_' || text[end] == '.')) {
            hasLetter = hasLetter || isLetter(text[end]) || text[end] == '_';
            ++end;
        }
        while (end > at + 1 && text[end - 1] == '.') {
            --end;
        }
        const std::size_t length = end - at - 1;
        if (length >= 2 && length <= 30 && hasLetter) {
            spans.push_back({text_kind::handle, at, end});
        }
    }
    return spans;
}

std::string urlHost(std::string_view url)
{
    for (const std::string_view scheme : {"https://", "http://"}) {
        if (matchesAt(url, 0, scheme)) {
            url.remove_prefix(scheme.size());
            break;
        }
    }
    std::string host;
    for (const char c : url) {
        if (!isLabelCharacter(c) && c != '.') {
            break;
        }
        host += toLower(c);
    }
    return host;
}

} // namespace cg

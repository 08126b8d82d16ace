#include "core/text/text_classifier.hpp"

#include "core/text/contact_markers.hpp"
#include "core/text/number_scanning.hpp"
#include "core/text/text_normalisation.hpp"
#include "core/text/text_scanning.hpp"
#include "core/text/web_addresses.hpp"
#include "core/text/word_matching.hpp"

#include <algorithm>
#include <array>

namespace cg {
namespace {

using namespace text_scan;

// Most specific first; a finding overlapping a more specific one is dropped.
constexpr std::array<std::string_view, 8> kContactPriority = {
    text_kind::email, text_kind::url,      text_kind::wechat, text_kind::qq,
    text_kind::phone, text_kind::bankCard, text_kind::handle, text_kind::platformName};

std::size_t priorityOf(std::string_view kind)
{
    const auto it = std::find(kContactPriority.begin(), kContactPriority.end(), kind);
    return it == kContactPriority.end() ? kContactPriority.size()
                                        : static_cast<std::size_t>(it - kContactPriority.begin());
}

std::string lowerAscii(std::string_view text)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), toLower);
    return lower;
}

bool sameWord(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && matchesAt(a, 0, b);
}

bool hasAccountContext(std::string_view text, std::size_t begin, std::size_t end)
{
    std::size_t before = begin;
    while (before > 0 && text[before - 1] == ' ') {
        --before;
    }
    if (endsWithAt(text, before, "加") || endsWithAt(text, before, "关注") || endsWithAt(text, before, "@") ||
        (endsWithAt(text, before, "add") && (before == 3 || !isAlnum(text[before - 4])))) {
        return true;
    }
    std::size_t after = end;
    while (after < text.size() && (text[after] == ' ' || text[after] == ':')) {
        ++after;
    }
    if (after < text.size() && text[after] == '@') {
        return true;
    }
    if (matchesAt(text, end, "账号") || matchesAt(text, end, "号")) {
        return true;
    }
    std::size_t idAt = end;
    while (idAt < text.size() && text[idAt] == ' ') {
        ++idAt;
    }
    return matchesAt(text, idAt, "id") && !isAlnumAt(text, idAt + 2);
}

bool onAllowedDomain(std::string_view url, const std::vector<ListedWord>& allowed)
{
    const std::string host = urlHost(url);
    return std::any_of(allowed.begin(), allowed.end(), [&](const ListedWord& entry) {
        const std::string domain = lowerAscii(entry.word);
        return domain.find('.') != std::string::npos &&
               (host == domain || (host.size() > domain.size() && host.ends_with("." + domain)));
    });
}

std::vector<TextSpan> findPlatformNames(std::string_view text, const TextClassifierSettings& settings,
                                        const std::vector<ListedWord>& allowed)
{
    const std::vector<ListedWord> names = prepareWordList(settings.platformNames);
    const std::vector<ListedWord> needingContext = prepareWordList(settings.platformsNeedingContext);
    const std::vector<WordMatch> allowedMatches = findListedWords(text, allowed);
    std::vector<TextSpan> spans;
    for (const WordMatch& match : findListedWords(text, names)) {
        const std::string_view name = settings.platformNames[match.index];
        const std::string_view normalisedName = text.substr(match.begin, match.end - match.begin);
        const bool allowedName = std::any_of(allowed.begin(), allowed.end(), [&](const ListedWord& entry) {
            return sameWord(entry.word, normalisedName) || sameWord(entry.word, name);
        });
        const bool insideAllowed =
            std::any_of(allowedMatches.begin(), allowedMatches.end(),
                        [&](const WordMatch& a) { return a.begin <= match.begin && match.end <= a.end; });
        const bool needsContext =
            std::any_of(needingContext.begin(), needingContext.end(),
                        [&](const ListedWord& entry) { return sameWord(entry.word, name); });
        if (allowedName || insideAllowed ||
            (needsContext && !hasAccountContext(text, match.begin, match.end))) {
            continue;
        }
        spans.push_back({text_kind::platformName, match.begin, match.end});
    }
    return spans;
}

std::vector<TextSpan> findAbsoluteClaims(std::string_view text, const TextClassifierSettings& settings)
{
    const std::vector<WordMatch> exceptions =
        findListedWords(text, prepareWordList(settings.claimExceptions), /*tailMayBeCut=*/true);
    std::vector<TextSpan> spans;
    for (const WordMatch& match : findListedWords(text, prepareWordList(settings.absoluteClaims))) {
        const bool excepted = std::any_of(exceptions.begin(), exceptions.end(), [&](const WordMatch& e) {
            return e.begin <= match.begin && match.end <= e.end;
        });
        if (!excepted) {
            spans.push_back({text_kind::absoluteClaim, match.begin, match.end});
        }
    }
    return spans;
}

bool overlaps(const TextSpan& a, const TextSpan& b)
{
    return a.begin < b.end && b.begin < a.end;
}

// Whether `other` should be kept instead of `span` where they overlap.
bool outranks(const TextSpan& other, const TextSpan& span)
{
    const bool otherIsClaim = other.kind == text_kind::absoluteClaim;
    if (otherIsClaim != (span.kind == text_kind::absoluteClaim) || !overlaps(other, span)) {
        return false;
    }
    const std::size_t otherPriority = priorityOf(other.kind);
    const std::size_t priority = priorityOf(span.kind);
    if (otherPriority != priority) {
        return otherPriority < priority;
    }
    const std::size_t otherLength = other.end - other.begin;
    const std::size_t length = span.end - span.begin;
    return otherLength != length ? otherLength > length : other.begin < span.begin;
}

std::vector<TextSpan> keepMostSpecific(const std::vector<TextSpan>& spans)
{
    std::vector<TextSpan> kept;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        bool dropped = false;
        for (std::size_t j = 0; j < spans.size() && !dropped; ++j) {
            const bool identical = spans[j].begin == spans[i].begin && spans[j].end == spans[i].end &&
                                   spans[j].kind == spans[i].kind;
            dropped = identical ? j < i : (j != i && outranks(spans[j], spans[i]));
        }
        if (!dropped) {
            kept.push_back(spans[i]);
        }
    }
    return kept;
}

} // namespace

std::vector<TextFinding> classifyText(std::string_view line, const TextClassifierSettings& settings)
{
    const NormalisedLine normalised = normaliseOcrLine(line);
    const std::string_view text = normalised.text;
    const std::vector<ListedWord> allowed = prepareWordList(settings.allowedPlatforms);

    std::vector<TextSpan> spans = findEmails(text);
    for (const TextSpan& url : findUrls(text, spans)) {
        if (!onAllowedDomain(text.substr(url.begin, url.end - url.begin), allowed)) {
            spans.push_back(url);
        }
    }
    for (auto&& more :
         {findWechatAccounts(normalised), findQqNumbers(normalised), findPhonesAndBankCards(normalised),
          findHandles(text), findPlatformAccounts(normalised), findPlatformNames(text, settings, allowed),
          findAbsoluteClaims(text, settings)}) {
        spans.insert(spans.end(), more.begin(), more.end());
    }

    std::vector<TextFinding> findings;
    for (const TextSpan& span : keepMostSpecific(spans)) {
        const auto [begin, end] = normalised.sourceSpan(span.begin, span.end);
        findings.push_back(
            {std::string(span.kind), std::string(line.substr(begin, end - begin)), begin, end});
    }
    std::sort(findings.begin(), findings.end(), [](const TextFinding& a, const TextFinding& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    return findings;
}

} // namespace cg

#include "core/text/number_scanning.hpp"

#include "core/text/text_scanning.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

namespace cg {
namespace {

using namespace text_scan;

struct DigitGroup {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t size() const { return end - begin; }
};

// Digit groups joined by short runs of spaces, dashes and brackets: "+86 (138) 0013-8000".
struct NumberCandidate {
    std::vector<DigitGroup> groups;
    bool international = false; // a '+' right before the first group
};

bool isGroupSeparator(char c)
{
    return c == ' ' || c == '-' || c == '(' || c == ')';
}

NumberCandidate readCandidate(std::string_view digits, std::size_t at, std::size_t& next)
{
    NumberCandidate candidate;
    std::size_t scan = at;
    while (true) {
        DigitGroup group{scan, scan};
        while (isDigitAt(digits, group.end)) {
            ++group.end;
        }
        candidate.groups.push_back(group);
        std::size_t separatorEnd = group.end;
        int dashes = 0;
        while (separatorEnd < digits.size() && separatorEnd - group.end < 3 &&
               isGroupSeparator(digits[separatorEnd])) {
            dashes += digits[separatorEnd] == '-' ? 1 : 0;
            ++separatorEnd;
        }
        if (separatorEnd == group.end || dashes > 1 || !isDigitAt(digits, separatorEnd)) {
            next = group.end;
            break;
        }
        scan = separatorEnd;
    }
    std::size_t before = at;
    while (before > 0 && digits[before - 1] == '(') {
        --before;
    }
    candidate.international = before > 0 && digits[before - 1] == '+';
    return candidate;
}

// Characters right before a number that make it a price, a decimal, a part of a word or a path.
bool precededByNonContact(std::string_view text, std::size_t at)
{
    if (at == 0) {
        return false;
    }
    const char previous = text[at - 1];
    if (isAlnum(previous) || previous == '.' || previous == ',' || previous == '$' || previous == '#' ||
        previous == '/' || previous == '_') {
        return true;
    }
    for (const std::string_view currency : {"¥", "€", "£"}) {
        if (endsWithAt(text, at, currency)) {
            return true;
        }
    }
    return false;
}

bool followedByNonContact(std::string_view text, std::size_t end)
{
    if (end >= text.size()) {
        return false;
    }
    const char next = text[end];
    return isLetter(next) || next == '%' || ((next == '.' || next == ',') && isDigitAt(text, end + 1));
}

// Labels that say the number after them is an order, product or parcel number, not a contact.
constexpr std::array<std::string_view, 22> kNonContactLabels = {
    "order", "sku",  "model", "item", "tracking", "invoice", "serial", "batch", "barcode", "isbn", "ean",
    "upc",   "订单", "单号",  "编号", "型号",     "货号",    "批号",   "条码",  "快递",    "运单", "商品"};

// Whether the text before the number ends with such a label, allowing "No.", "#", ":" and "号"
// between them ("订单号：", "Order No. ", "SKU#").
bool labelledAsNonContact(std::string_view text, std::size_t at)
{
    std::size_t end = at;
    bool trimmed = true;
    while (trimmed && end > 0) {
        trimmed = false;
        const char previous = text[end - 1];
        if (previous == ' ' || previous == ':' || previous == '#' || previous == '.' || previous == '-' ||
            previous == '(' || previous == '+') {
            --end;
            trimmed = true;
            continue;
        }
        for (const std::string_view filler : {"号", "码", "no", "id"}) {
            const bool partOfWord =
                isLetter(filler[0]) && end > filler.size() && isLetter(text[end - filler.size() - 1]);
            if (endsWithAt(text, end, filler) && !partOfWord) {
                end -= filler.size();
                trimmed = true;
                break;
            }
        }
    }
    for (const std::string_view label : kNonContactLabels) {
        if (!endsWithAt(text, end, label)) {
            continue;
        }
        const std::size_t labelBegin = end - label.size();
        if (isLetter(label[0]) && labelBegin > 0 && isLetter(text[labelBegin - 1])) {
            continue;
        }
        return true;
    }
    return false;
}

struct GroupRun {
    std::string digits;
    std::vector<std::size_t> sizes;
};

bool allAtLeast(const std::vector<std::size_t>& sizes, std::size_t from, std::size_t minimum)
{
    for (std::size_t i = from; i < sizes.size(); ++i) {
        if (sizes[i] < minimum) {
            return false;
        }
    }
    return true;
}

bool isMobileRun(const GroupRun& run, std::size_t firstGroup, std::size_t digitOffset)
{
    return run.sizes.size() - firstGroup <= 3 && allAtLeast(run.sizes, firstGroup, 3) &&
           isChineseMobile(std::string_view(run.digits).substr(digitOffset));
}

bool isPhone(const GroupRun& run, bool international)
{
    const std::string& d = run.digits;
    if (international) {
        return d.size() >= 8 && d.size() <= 15 && allAtLeast(run.sizes, 1, 2);
    }
    if (isMobileRun(run, 0, 0)) {
        return true;
    }
    // "86 138 0013 8000", "0086-13800138000": the country code as its own group.
    const std::string first = d.substr(0, run.sizes[0]);
    if ((first == "86" || first == "0086") && run.sizes.size() > 1 && isMobileRun(run, 1, first.size())) {
        return true;
    }
    // Landline: 0 + area code (2-3 digits) + 7-8 digits, "010-12345678", "0755 1234567".
    if (d.size() >= 10 && d[0] == '0' && d[1] != '0') {
        if (run.sizes.size() == 1) {
            return d.size() == 11 || d.size() == 12;
        }
        const std::size_t local = d.size() - run.sizes[0];
        return (run.sizes[0] == 3 || run.sizes[0] == 4) && local >= 7 && local <= 8 &&
               allAtLeast(run.sizes, 1, 3);
    }
    // Service numbers "400-820-8820", "800 123 4567".
    return d.size() == 10 && (d.starts_with("400") || d.starts_with("800")) && allAtLeast(run.sizes, 0, 3);
}

bool isBankCard(const GroupRun& run)
{
    const std::string& d = run.digits;
    if (d.size() < 13 || d.size() > 19 || d[0] < '3' || d[0] > '6') {
        return false;
    }
    for (std::size_t i = 0; i + 1 < run.sizes.size(); ++i) {
        if (run.sizes[i] < 3) {
            return false;
        }
    }
    return run.sizes.back() >= 2 && passesLuhn(d);
}

// A card number printed in equal groups whose last group is one digit longer ("6222 0293 0113
// 14111"): OCR reads a separator bar or bracket right after a number as "1" or "l".
bool isBankCardWithStrayLastDigit(GroupRun run)
{
    const std::size_t groups = run.sizes.size();
    if (groups < 3 || run.sizes[groups - 1] != run.sizes[groups - 2] + 1 ||
        !std::all_of(
            run.sizes.begin(), run.sizes.end() - 1,
            [&](std::size_t size) { return size == run.sizes.front(); })) {
        return false;
    }
    run.digits.pop_back();
    --run.sizes.back();
    return isBankCard(run);
}

struct RunKind {
    std::string_view kind;
    std::size_t strayDigits = 0; // digits at the end of the run that are not part of the number
};

std::optional<RunKind> classifyRun(std::string_view digits, const NumberCandidate& candidate,
                                   std::size_t first, std::size_t last)
{
    GroupRun run;
    for (std::size_t i = first; i <= last; ++i) {
        const DigitGroup& group = candidate.groups[i];
        run.digits.append(digits.substr(group.begin, group.size()));
        run.sizes.push_back(group.size());
    }
    const bool international = first == 0 && candidate.international;
    if (isPhone(run, international)) {
        return RunKind{text_kind::phone};
    }
    if (international) {
        return std::nullopt;
    }
    if (isBankCard(run)) {
        return RunKind{text_kind::bankCard};
    }
    if (isBankCardWithStrayLastDigit(run)) {
        return RunKind{text_kind::bankCard, 1};
    }
    return std::nullopt;
}

constexpr std::size_t kMostGroups = 5;

} // namespace

bool passesLuhn(std::string_view digits)
{
    if (digits.empty()) {
        return false;
    }
    int sum = 0;
    bool doubled = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (!isDigit(*it)) {
            return false;
        }
        int value = *it - '0';
        if (doubled) {
            value *= 2;
            value -= value > 9 ? 9 : 0;
        }
        sum += value;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

bool isChineseMobile(std::string_view digits)
{
    if (digits.size() != 11 || digits[0] != '1' || digits[1] < '3' || digits[1] > '9') {
        return false;
    }
    for (const char c : digits) {
        if (!isDigit(c)) {
            return false;
        }
    }
    return true;
}

std::vector<TextSpan> findPhonesAndBankCards(const NormalisedLine& line)
{
    const std::string_view digits = line.digits;
    std::vector<TextSpan> spans;
    std::size_t at = 0;
    while (at < digits.size()) {
        if (!isDigit(digits[at]) || (at > 0 && isDigit(digits[at - 1]))) {
            ++at;
            continue;
        }
        std::size_t next = at;
        const NumberCandidate candidate = readCandidate(digits, at, next);
        const bool skipped = labelledAsNonContact(line.text, at);
        std::size_t first = 0;
        while (!skipped && first < candidate.groups.size()) {
            const std::size_t groupBegin = candidate.groups[first].begin;
            const bool firstUsable = first > 0 || !precededByNonContact(digits, groupBegin);
            std::optional<RunKind> kind;
            std::size_t last = std::min(candidate.groups.size() - 1, first + kMostGroups - 1);
            for (; firstUsable; --last) {
                if (!followedByNonContact(digits, candidate.groups[last].end)) {
                    kind = classifyRun(digits, candidate, first, last);
                    if (kind) {
                        break;
                    }
                }
                if (last == first) {
                    break;
                }
            }
            if (!kind) {
                ++first;
                continue;
            }
            std::size_t begin = groupBegin;
            while (begin > 0 && (digits[begin - 1] == '(' ||
                                 (first == 0 && candidate.international && digits[begin - 1] == '+'))) {
                --begin;
            }
            spans.push_back({kind->kind, begin, candidate.groups[last].end - kind->strayDigits});
            first = last + 1;
        }
        at = next;
    }
    return spans;
}

} // namespace cg

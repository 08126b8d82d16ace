#include "core/text/word_matching.hpp"

#include "core/text/text_normalisation.hpp"
#include "core/text/text_scanning.hpp"

namespace cg {
namespace {

using namespace text_scan;

// End of `word` matched at `at`, or npos.
std::size_t matchEnd(std::string_view text, std::size_t at, std::string_view word)
{
    std::size_t scan = at;
    for (const char expected : word) {
        if (expected == ' ') {
            while (scan < text.size() && text[scan] == ' ') {
                ++scan;
            }
            continue;
        }
        if (scan >= text.size() || toLower(text[scan]) != toLower(expected)) {
            return std::string_view::npos;
        }
        ++scan;
    }
    return scan;
}

} // namespace

std::vector<ListedWord> prepareWordList(const std::vector<std::string>& words)
{
    std::vector<ListedWord> prepared;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string word = normaliseOcrLine(words[i]).text;
        const auto first = word.find_first_not_of(' ');
        if (first == std::string::npos) {
            continue;
        }
        word = word.substr(first, word.find_last_not_of(' ') - first + 1);
        prepared.push_back({std::move(word), i});
    }
    return prepared;
}

std::vector<WordMatch> findListedWords(std::string_view text, const std::vector<ListedWord>& words)
{
    std::vector<WordMatch> matches;
    for (const ListedWord& listed : words) {
        const std::string_view word = listed.word;
        const bool wordyStart = isAlnum(word.front());
        const bool wordyEnd = isAlnum(word.back());
        for (std::size_t at = 0; at < text.size(); ++at) {
            if (toLower(text[at]) != toLower(word.front()) ||
                (wordyStart && at > 0 && isAlnum(text[at - 1]))) {
                continue;
            }
            const std::size_t end = matchEnd(text, at, word);
            if (end == std::string_view::npos || (wordyEnd && isAlnumAt(text, end))) {
                continue;
            }
            matches.push_back({at, end, listed.index});
        }
    }
    return matches;
}

} // namespace cg

#include "core/text/word_matching.hpp"

#include "core/text/text_normalisation.hpp"
#include "core/text/text_scanning.hpp"

namespace cg {
namespace {

using namespace text_scan;

// Characters of a phrase's last word that must be read for a cut-off reading to count.
constexpr std::size_t kShortestCutWord = 3;

// End of `word` matched at `at`, or npos. With `tailMayBeCut`, a phrase whose last word stops
// after kShortestCutWord characters matches up to there.
std::size_t matchEnd(std::string_view text, std::size_t at, std::string_view word, bool tailMayBeCut)
{
    const std::size_t lastSpace = word.rfind(' ');
    std::size_t scan = at;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char expected = word[i];
        if (tailMayBeCut && lastSpace != std::string_view::npos && i >= lastSpace + 1 + kShortestCutWord &&
            !isLetterAt(text, scan)) {
            return scan;
        }
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

std::vector<WordMatch> findListedWords(std::string_view text, const std::vector<ListedWord>& words,
                                       bool tailMayBeCut)
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
            const std::size_t end = matchEnd(text, at, word, tailMayBeCut);
            // OCR often loses the space between a word and a number ("before2026"), never the one
            // inside a word: a digit after a word ending in a letter still ends the word.
            const bool continuesWord =
                wordyEnd && (isLetterAt(text, end) || (isDigit(word.back()) && isDigitAt(text, end)));
            if (end == std::string_view::npos || continuesWord) {
                continue;
            }
            matches.push_back({at, end, listed.index});
        }
    }
    return matches;
}

} // namespace cg

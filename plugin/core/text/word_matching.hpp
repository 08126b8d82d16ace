#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

// A word or phrase from a rule pack list, prepared for matching against normalised text.
struct ListedWord {
    std::string word; // normalised like the text (half-width)
    std::size_t index = 0;
};

struct WordMatch {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t index = 0; // which listed word
};

std::vector<ListedWord> prepareWordList(const std::vector<std::string>& words);

// Every occurrence of every listed word. ASCII letters compare without case; a space in a listed
// word matches any run of spaces, none included ("No. 1" matches "No.1"); where a listed word starts
// or ends with an ASCII letter or digit, the text must not continue with one there ("best" is not
// found in "bestow"), while Chinese words match as plain substrings. A digit may follow a word that
// ends in a letter ("before2026"). With `tailMayBeCut`, a phrase also matches where the reading of
// its last word stops after three letters ("best bef" for "best before"), as OCR cuts lines short.
std::vector<WordMatch> findListedWords(std::string_view text, const std::vector<ListedWord>& words,
                                       bool tailMayBeCut = false);

} // namespace cg

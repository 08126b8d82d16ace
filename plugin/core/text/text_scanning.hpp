#pragma once

#include <cstddef>
#include <string_view>

// Byte-level helpers for scanning normalised UTF-8: bytes of multi-byte code points are >= 0x80,
// so they never pass for ASCII letters, digits or punctuation.
namespace cg::text_scan {

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
inline bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool isAlnum(char c)
{
    return isDigit(c) || isLetter(c);
}
inline char toLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

inline bool isAlnumAt(std::string_view text, std::size_t at)
{
    return at < text.size() && isAlnum(text[at]);
}
inline bool isLetterAt(std::string_view text, std::size_t at)
{
    return at < text.size() && isLetter(text[at]);
}
inline bool isDigitAt(std::string_view text, std::size_t at)
{
    return at < text.size() && isDigit(text[at]);
}

// Whether `word` occurs at `at`, ASCII letters compared without case, other bytes exactly.
inline bool matchesAt(std::string_view text, std::size_t at, std::string_view word)
{
    if (at > text.size() || text.size() - at < word.size()) {
        return false;
    }
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (toLower(text[at + i]) != toLower(word[i])) {
            return false;
        }
    }
    return true;
}

inline bool endsWithAt(std::string_view text, std::size_t end, std::string_view word)
{
    return end >= word.size() && matchesAt(text, end - word.size(), word);
}

} // namespace cg::text_scan

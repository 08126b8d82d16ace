#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cg {

// A text line as OCR hands it over, made comparable: full-width ASCII is half-width, typographic
// spaces, dashes and quotes are plain ASCII. `digits` is the same text (same length, same offsets)
// with letters OCR confuses with digits (O/o -> 0, l/I -> 1, S -> 5) replaced inside digit runs;
// the number scanners read it, everything else reads `text`, so IDs and words keep their letters.
struct NormalisedLine {
    std::string text;
    std::string digits;
    std::vector<std::size_t> sourceBegin; // per byte of text: where its code point starts in the input
    std::vector<std::size_t> sourceEnd;   // ... and where it ends

    // The input bytes a non-empty [begin, end) of text came from.
    std::pair<std::size_t, std::size_t> sourceSpan(std::size_t begin, std::size_t end) const
    {
        return {sourceBegin[begin], sourceEnd[end - 1]};
    }
};

NormalisedLine normaliseOcrLine(std::string_view line);

} // namespace cg

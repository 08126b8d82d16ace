#include "core/text/text_normalisation.hpp"

#include "core/text/text_scanning.hpp"

#include <vector>

namespace cg {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point at `at`; returns its length, or 1 with kInvalid for a broken sequence.
std::size_t decodeAt(std::string_view text, std::size_t at, char32_t& codePoint)
{
    const auto lead = static_cast<unsigned char>(text[at]);
    std::size_t length = 0;
    if (lead < 0x80) {
        codePoint = lead;
        return 1;
    }
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        codePoint = lead & 0x1Fu;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        codePoint = lead & 0x0Fu;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        codePoint = lead & 0x07u;
    } else {
        codePoint = kInvalid;
        return 1;
    }
    if (text.size() - at < length) {
        codePoint = kInvalid;
        return 1;
    }
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[at + i]);
        if ((next & 0xC0) != 0x80) {
            codePoint = kInvalid;
            return 1;
        }
        codePoint = (codePoint << 6) | (next & 0x3Fu);
    }
    return length;
}

void appendUtf8(std::string& out, char32_t codePoint)
{
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

char32_t halfWidth(char32_t codePoint)
{
    if (codePoint >= 0xFF01 && codePoint <= 0xFF5E) {
        return codePoint - 0xFEE0;
    }
    switch (codePoint) {
    case 0x3000: // ideographic space
    case 0x00A0: // no-break space
        return U' ';
    case 0xFFE5: // full-width yen
        return 0x00A5;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212: // OCR reads the dash in "138—0013—8000" as any of these
        return U'-';
    case 0x2018:
    case 0x2019:
        return U'\'';
    default:
        return codePoint;
    }
}

bool confusedWithDigit(char c)
{
    return c == 'O' || c == 'o' || c == 'l' || c == 'I' || c == 'S';
}

char confusedDigit(char c)
{
    switch (c) {
    case 'O':
    case 'o':
        return '0';
    case 'S':
        return '5';
    default:
        return '1';
    }
}

bool isDigitLike(char c)
{
    return text_scan::isDigit(c) || confusedWithDigit(c);
}

// Letters become digits only inside a number: a run of digit-like tokens joined by single spaces or
// dashes ("l38 OO13 8OOO") that holds at least two real digits, where each changed token holds a
// real digit itself and the run is not glued to other letters. So "Solo", "5S" and "30lbs" stay.
std::string fixDigitConfusions(const std::string& text)
{
    using namespace text_scan;
    std::string digits = text;
    std::size_t at = 0;
    while (at < text.size()) {
        if (!isDigitLike(text[at])) {
            ++at;
            continue;
        }
        if (at > 0 && isLetter(text[at - 1])) {
            while (at < text.size() && isAlnum(text[at])) {
                ++at; // the rest of a word such as "iPhone15" or "abcO1"
            }
            continue;
        }
        struct Token {
            std::size_t begin;
            std::size_t end;
            int realDigits;
        };
        std::vector<Token> tokens;
        int realDigits = 0;
        while (true) {
            Token token{at, at, 0};
            while (token.end < text.size() && isDigitLike(text[token.end])) {
                token.realDigits += isDigit(text[token.end]) ? 1 : 0;
                ++token.end;
            }
            tokens.push_back(token);
            at = token.end;
            const bool joined =
                at + 1 < text.size() && (text[at] == ' ' || text[at] == '-') && isDigitLike(text[at + 1]);
            if (!joined) {
                break;
            }
            ++at;
        }
        if (isLetterAt(text, tokens.back().end)) {
            tokens.pop_back(); // "30lbs": the last token belongs to a word
        }
        for (const Token& token : tokens) {
            realDigits += token.realDigits;
        }
        for (const Token& token : tokens) {
            if (realDigits < 2 || token.realDigits == 0) {
                continue;
            }
            for (std::size_t i = token.begin; i < token.end; ++i) {
                if (confusedWithDigit(text[i])) {
                    digits[i] = confusedDigit(text[i]);
                }
            }
        }
    }
    return digits;
}

} // namespace

NormalisedLine normaliseOcrLine(std::string_view line)
{
    NormalisedLine normalised;
    normalised.text.reserve(line.size());
    std::size_t at = 0;
    while (at < line.size()) {
        char32_t codePoint = 0;
        const std::size_t length = decodeAt(line, at, codePoint);
        const std::size_t sizeBefore = normalised.text.size();
        const char32_t mapped = codePoint == kInvalid ? kInvalid : halfWidth(codePoint);
        if (mapped == kInvalid || mapped == codePoint) {
            normalised.text.append(line.substr(at, length));
        } else {
            appendUtf8(normalised.text, mapped);
        }
        for (std::size_t i = sizeBefore; i < normalised.text.size(); ++i) {
            normalised.sourceBegin.push_back(at);
            normalised.sourceEnd.push_back(at + length);
        }
        at += length;
    }
    normalised.digits = fixDigitConfusions(normalised.text);
    return normalised;
}

} // namespace cg

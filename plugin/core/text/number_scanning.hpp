#pragma once

#include "core/text/text_finding.hpp"
#include "core/text/text_normalisation.hpp"

#include <string_view>
#include <vector>

namespace cg {

// Luhn checksum over a string of ASCII digits (other characters make it fail).
bool passesLuhn(std::string_view digits);

// Whether `digits` (ASCII digits only) is a Chinese mobile number: 1[3-9] and nine more digits.
bool isChineseMobile(std::string_view digits);

// Phone numbers (Chinese mobile and landline, 400/800 service numbers, +CC international) and bank
// card numbers, read from the digit view of the line.
std::vector<TextSpan> findPhonesAndBankCards(const NormalisedLine& line);

} // namespace cg

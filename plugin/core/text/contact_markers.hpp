#pragma once

#include "core/text/text_finding.hpp"
#include "core/text/text_normalisation.hpp"

#include <vector>

namespace cg {

// A WeChat ID or phone number after a WeChat marker ("微信：abc_123", "vx 13800138000", "加V:shop888"),
// and a QQ number after a QQ marker ("QQ群：12345678", "扣扣 987654"). Each span runs from the
// marker to the end of the account.
std::vector<TextSpan> findWechatAccounts(const NormalisedLine& line);
std::vector<TextSpan> findQqNumbers(const NormalisedLine& line);

} // namespace cg

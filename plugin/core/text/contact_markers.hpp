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
// An account after a video or social platform's name with an account suffix or a colon
// ("抖音号: lily_88", "快手号 12345678", "TikTok ID: lily.shop", "Instagram: lily.shop"), reported as a
// handle; the platform's name alone ("抖音同款") is not.
std::vector<TextSpan> findPlatformAccounts(const NormalisedLine& line);

} // namespace cg

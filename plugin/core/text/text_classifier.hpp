#pragma once

#include "core/text/text_finding.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace cg {

// The word lists come from the rule packs (plugin/core/text/README.md proposes defaults).
struct TextClassifierSettings {
    // External platforms, English and Chinese: "WhatsApp", "抖音", "QQ".
    std::vector<std::string> platformNames;
    // Absolute advertising claims: "best", "No. 1", "最", "第一".
    std::vector<std::string> absoluteClaims;
    // Platforms that may be named: the one the stream is on ("Alibaba.com", "阿里巴巴"). A listed
    // name or a URL on an allowed domain (or its subdomains) is not reported.
    std::vector<std::string> allowedPlatforms;
    // Platform names that are also ordinary words ("X", "LINE", "Messenger"): reported only with
    // account context next to them: "加" / "add" / "@" before, or "ID" / "账号" / "号" / "@" after.
    std::vector<std::string> platformsNeedingContext;
    // Phrases that contain a claim but are not one: "最后", "第一次", "best before". A claim lying
    // inside one of them is not reported.
    std::vector<std::string> claimExceptions;
};

// Everything in one OCR line (UTF-8, English and Simplified Chinese) that names an external platform,
// gives a contact or payment detail, or makes an absolute claim. Sorted by position; where two
// contact findings overlap, only the more specific one is kept (e-mail, URL, WeChat, QQ, phone, bank
// card, handle, platform name); absolute claims are reported independently of the rest.
std::vector<TextFinding> classifyText(std::string_view line, const TextClassifierSettings& settings);

} // namespace cg

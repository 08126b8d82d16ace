#pragma once

#include "core/text/text_finding.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace cg {

// E-mail addresses, URLs (with a scheme, "www." or a bare domain with a known top-level domain:
// "shop.example.com", "t.me/name", "wa.me/8613800138000") and @handles, read from normalised text.
std::vector<TextSpan> findEmails(std::string_view text);
std::vector<TextSpan> findUrls(std::string_view text, const std::vector<TextSpan>& emails);
std::vector<TextSpan> findHandles(std::string_view text);

// The host of a URL span ("https://www.shop.com/a" -> "www.shop.com"), lower-case.
std::string urlHost(std::string_view url);

} // namespace cg

#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace cg {

// Parses JSON for a hand-edited file. Unlike nlohmann::json::parse it rejects an object that
// repeats a key (the parser would silently keep the last one, hiding an edit) and reports a
// syntax error with the line and column a text editor shows. Throws RulePackError naming fileName.
nlohmann::json parseStrictJson(std::string_view text, const std::string& fileName);

} // namespace cg

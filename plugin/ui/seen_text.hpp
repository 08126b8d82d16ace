#pragma once

#include "ui/dock_model.hpp"

#include <QString>

#include <string>
#include <vector>

namespace cg::ui {

// What a finding's evidence shows, in the UI's language: "WeChat ID shown: VX abc123, lower right;
// WhatsApp logo, upper left". Items of a category without wording show their text; when no item can
// be put in words, `fallback` (the guard's detail, e.g. a measurement) is shown as it is.
QString seenText(const std::vector<SeenItem>& seen, const std::string& fallback);

} // namespace cg::ui

#pragma once

#include <set>
#include <string>

namespace cg::test {

// The test binary's obs_module_text reads the repo's locale file for this language ("en-US" first).
void useLanguage(const std::string& locale);
// Every key the widgets asked for that the current language's file lacks.
const std::set<std::string>& missingKeys();

} // namespace cg::test

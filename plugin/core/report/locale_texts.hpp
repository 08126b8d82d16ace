#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

// The plugin's locale files (locale/en-US.ini, zh-CN.ini: `Key="Text"` lines, as OBS reads them),
// for the texts the core writes itself (the session report) where there is no OBS to look them up.
class LocaleTexts {
  public:
    LocaleTexts() = default;
    // Reads dir/<language>.ini. Throws ReportError naming the file when it cannot be read.
    static LocaleTexts load(const std::filesystem::path& dir, const std::string& language);
    static LocaleTexts parse(std::string_view content);

    [[nodiscard]] bool has(const std::string& key) const { return texts_.contains(key); }
    // The text of key; the key itself when the file lacks it, so a gap shows instead of hiding.
    [[nodiscard]] std::string text(const std::string& key) const;
    // The text with %1, %2, ... replaced by args in order.
    [[nodiscard]] std::string format(const std::string& key, const std::vector<std::string>& args) const;
    [[nodiscard]] const std::map<std::string, std::string>& all() const { return texts_; }

  private:
    std::map<std::string, std::string> texts_;
};

// %1 ... %9 in `pattern` replaced by args in order; any other % stays as it is.
std::string fillPlaceholders(const std::string& pattern, const std::vector<std::string>& args);

} // namespace cg

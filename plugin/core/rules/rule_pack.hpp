#pragma once

#include "core/text/text_classifier.hpp"

#include <string>
#include <vector>

namespace cg {

// A text in both languages the plugin ships (keys "en-US" and "zh-CN" in the pack files).
struct LocalizedText {
    std::string en;
    std::string zh;
};

enum class Severity { Info, Minor, Major, Severe };

// Whether a rule fires while its category is seen (a QR code on air) or while it is not seen
// (the presenter missing).
enum class Trigger { Present, Absent };

// Seconds a condition must last before each state; 0 means at once. clearAfterS is how long the
// condition must be gone before the finding clears (hysteresis).
struct RuleThresholds {
    double noticeAfterS = 0;
    double warnAfterS = 0;
    double criticalAfterS = 0;
    double limitS = 0;
    double clearAfterS = 0;
};

struct Rule {
    std::string id;
    std::string category; // detection category the rule watches, e.g. "qr_code"
    // The detection labels of that category it watches ("phone", "wechat" of category "text");
    // empty: every label.
    std::vector<std::string> labels;
    Trigger trigger = Trigger::Present;
    LocalizedText title;
    LocalizedText article;  // the platform's wording, quoted
    std::string articleRef; // e.g. "Appendix 1, 2.3"
    RuleThresholds thresholds;
    Severity severity = Severity::Major;
    LocalizedText penalty;
};

struct RulePackSource {
    std::string document; // file in shared/rules-sources or the platform's title of the rules
    std::string version;  // edition or effective date
    // The language the articles and penalties are quoted in ("en-US" or "zh-CN"); texts in the
    // other language are the project's translations. Empty when the pack does not say.
    std::string originalLanguage;
};

struct RulePack {
    std::string id;
    LocalizedText name;
    RulePackSource source;
    std::vector<Rule> rules;
    // The word lists the on-screen text check uses: external platforms, absolute claims, the names
    // this platform allows. Empty lists when the pack has no "screen_text".
    TextClassifierSettings screenText;
    // Logos this platform allows on screen (simple-icons slugs, e.g. "aliexpress" in AliExpress's pack).
    std::vector<std::string> allowedLogos;

    [[nodiscard]] const Rule* findRule(const std::string& ruleId) const
    {
        for (const Rule& rule : rules)
            if (rule.id == ruleId)
                return &rule;
        return nullptr;
    }
};

} // namespace cg

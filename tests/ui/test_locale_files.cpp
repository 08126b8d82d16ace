#include "locale_file.hpp"
#include "replay_link.hpp"
#include "status_samples.hpp"
#include "test_translation.hpp"

#include "ui/guard_dock.hpp"

#include <gtest/gtest.h>

#include <QPushButton>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace cg::test {
namespace {

namespace fs = std::filesystem;

std::set<std::string> keysOf(const LocaleFile& file)
{
    std::set<std::string> keys;
    for (const auto& [key, text] : file.texts)
        keys.insert(key);
    return keys;
}

std::multiset<std::string> placeholdersIn(const std::string& text)
{
    static const std::regex placeholder("%[0-9]");
    std::multiset<std::string> found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), placeholder); it != std::sregex_iterator();
         ++it)
        found.insert(it->str());
    return found;
}

TEST(LocaleFiles, EveryLanguageHasTheSameKeysAndPlaceholdersAsEnglish)
{
    const LocaleFile english = readLocaleFile(repoLocaleDir() / "en-US.ini");
    ASSERT_FALSE(english.texts.empty());
    int languages = 0;
    for (const auto& entry : fs::directory_iterator(repoLocaleDir())) {
        if (entry.path().extension() != ".ini")
            continue;
        ++languages;
        const std::string name = entry.path().filename().string();
        const LocaleFile file = readLocaleFile(entry.path());
        EXPECT_TRUE(file.duplicateKeys.empty()) << name << " repeats " << file.duplicateKeys.front();
        EXPECT_TRUE(file.malformedLines.empty()) << name << ": " << file.malformedLines.front();
        EXPECT_EQ(keysOf(file), keysOf(english)) << name;
        for (const auto& [key, text] : file.texts) {
            EXPECT_FALSE(text.empty()) << name << ": " << key;
            if (english.texts.contains(key)) {
                EXPECT_EQ(placeholdersIn(text), placeholdersIn(english.texts.at(key))) << name << ": " << key;
            }
        }
    }
    EXPECT_GE(languages, 2) << "en-US and zh-CN at least";
}

TEST(LocaleFiles, EveryDockKeyInTheSourceIsTranslated)
{
    const std::regex dockKey("\"(ComplianceGuard\\.Dock\\.[A-Za-z.]+)\"");
    std::set<std::string> used;
    for (const auto& entry : fs::directory_iterator(fs::path(CG_SOURCE_DIR) / "plugin" / "ui")) {
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string source = text.str();
        for (auto it = std::sregex_iterator(source.begin(), source.end(), dockKey);
             it != std::sregex_iterator(); ++it)
            used.insert((*it)[1].str());
    }
    EXPECT_GT(used.size(), 30u);
    for (const char* language : {"en-US.ini", "zh-CN.ini"}) {
        const LocaleFile file = readLocaleFile(repoLocaleDir() / language);
        for (const std::string& key : used)
            EXPECT_TRUE(file.texts.contains(key)) << language << " lacks " << key;
    }
}

TEST(LocaleFiles, TheDockFindsEveryTextItAsksForInBothLanguages)
{
    for (const char* language : {"en-US", "zh-CN"}) {
        useLanguage(language);
        for (const char* state : {"clear", "notice", "warning", "critical", "breach"}) {
            ReplayLink link;
            link.statusJson = statusInState(state, true);
            ui::GuardDock dock(link, language);
            for (const char* verdict : {"complete", "incomplete", "tampered", "unreadable"}) {
                link.verifyJson = std::string(R"({"status": ")") + verdict + "\"}";
                dock.verifyButton()->click();
            }
            emit link.alertRaised(R"({"state": "breach", "title": "x", "platform": "y"})");
            emit link.statusChanged(QString::fromStdString(warningStatusJson("")));
        }
        ReplayLink silent;
        ui::GuardDock waiting(silent, language);
        waiting.verifyButton()->click();
    }
    useLanguage("en-US");
    EXPECT_TRUE(missingKeys().empty()) << "missing: " << *missingKeys().begin();
}

} // namespace
} // namespace cg::test

#include "test_translation.hpp"

#include "locale_file.hpp"

#include <obs-module.h>

#include <map>

namespace cg::test {
namespace {

struct Translation {
    std::string locale = "en-US";
    std::map<std::string, LocaleFile> files; // kept for the process: obs_module_text hands out pointers
    std::set<std::string> missing;
};

Translation& translation()
{
    static Translation instance;
    return instance;
}

const LocaleFile& currentFile()
{
    Translation& state = translation();
    auto found = state.files.find(state.locale);
    if (found == state.files.end())
        found = state.files.emplace(state.locale, readLocaleFile(repoLocaleDir() / (state.locale + ".ini")))
                    .first;
    return found->second;
}

} // namespace

void useLanguage(const std::string& locale)
{
    translation().locale = locale;
}

const std::set<std::string>& missingKeys()
{
    return translation().missing;
}

} // namespace cg::test

// What OBS_MODULE_USE_DEFAULT_LOCALE provides in the module: the text, or the key when it is missing.
extern "C" const char* obs_module_text(const char* key)
{
    const auto& texts = cg::test::currentFile().texts;
    if (const auto found = texts.find(key); found != texts.end())
        return found->second.c_str();
    cg::test::translation().missing.insert(cg::test::translation().locale + ": " + key);
    return key;
}

// Also from OBS_MODULE_USE_DEFAULT_LOCALE: whether the key has a text. Asking is not a missing key.
extern "C" bool obs_module_get_string(const char* key, const char** out)
{
    const auto& texts = cg::test::currentFile().texts;
    const auto found = texts.find(key);
    if (found == texts.end())
        return false;
    *out = found->second.c_str();
    return true;
}

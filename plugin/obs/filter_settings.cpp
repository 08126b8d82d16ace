#include "obs/filter_settings.hpp"

#include <obs-module.h>

#include <algorithm>
#include <cstring>

#define SETTING_PACK "rule_pack"
#define SETTING_CODES "codes_sensitivity"
#define SETTING_BARCODES "report_barcodes"
#define SETTING_PRESENTER "presenter_check"
#define SETTING_IDLE "idle_check"
#define SETTING_QUALITY "quality_check"
#define SETTING_LOGOS "logo_check"
#define SETTING_SCREEN_TEXT "screen_text_check"
#define SETTING_RESOLUTION "analysis_height"
#define SETTING_REHEARSAL "rehearsal_mode"
#define SETTING_RECORD_DIR "record_folder"

#define TEXT_PACK obs_module_text("ComplianceGuard.Filter.RulePack")
#define TEXT_CODES obs_module_text("ComplianceGuard.Filter.Codes")
#define TEXT_CODES_OFF obs_module_text("ComplianceGuard.Filter.Codes.Off")
#define TEXT_CODES_STANDARD obs_module_text("ComplianceGuard.Filter.Codes.Standard")
#define TEXT_CODES_THOROUGH obs_module_text("ComplianceGuard.Filter.Codes.Thorough")
#define TEXT_BARCODES obs_module_text("ComplianceGuard.Filter.Barcodes")
#define TEXT_PRESENTER obs_module_text("ComplianceGuard.Filter.Presenter")
#define TEXT_IDLE obs_module_text("ComplianceGuard.Filter.Idle")
#define TEXT_QUALITY obs_module_text("ComplianceGuard.Filter.Quality")
#define TEXT_LOGOS obs_module_text("ComplianceGuard.Filter.Logos")
#define TEXT_SCREEN_TEXT obs_module_text("ComplianceGuard.Filter.ScreenText")
#define TEXT_RESOLUTION obs_module_text("ComplianceGuard.Filter.Resolution")
#define TEXT_RESOLUTION_NATIVE obs_module_text("ComplianceGuard.Filter.Resolution.Native")
#define TEXT_REHEARSAL obs_module_text("ComplianceGuard.Filter.Rehearsal")
#define TEXT_REHEARSAL_INFO obs_module_text("ComplianceGuard.Filter.Rehearsal.Description")
#define TEXT_RECORD_DIR obs_module_text("ComplianceGuard.Filter.RecordFolder")
#define TEXT_RECORD_DIR_INFO obs_module_text("ComplianceGuard.Filter.RecordFolder.Description")

namespace cg::obs {

namespace {
constexpr const char* codesOff = "off";
constexpr const char* codesStandard = "standard";
constexpr const char* codesThorough = "thorough";
} // namespace

FilterSettings readFilterSettings(obs_data_t* settings)
{
    FilterSettings out;
    const char* codes = obs_data_get_string(settings, SETTING_CODES);
    out.detectors.codes = std::strcmp(codes, codesOff) != 0;
    out.detectors.codeSettings.readLinearCodes = obs_data_get_bool(settings, SETTING_BARCODES);
    if (std::strcmp(codes, codesThorough) == 0) {
        out.detectors.codeSettings.maxRescuedRegions = 16;
        out.detectors.codeSettings.maxAnalysisWidth = 3840;
    }
    out.detectors.presenter = obs_data_get_bool(settings, SETTING_PRESENTER);
    out.detectors.idle = obs_data_get_bool(settings, SETTING_IDLE);
    out.detectors.quality = obs_data_get_bool(settings, SETTING_QUALITY);
    out.detectors.logos = obs_data_get_bool(settings, SETTING_LOGOS);
    out.detectors.screenText = obs_data_get_bool(settings, SETTING_SCREEN_TEXT);
    out.cadence = captureCadence(out.detectors);
    out.analysisHeight =
        static_cast<uint32_t>(std::max<long long>(0, obs_data_get_int(settings, SETTING_RESOLUTION)));
    out.rehearsal = obs_data_get_bool(settings, SETTING_REHEARSAL);
    return out;
}

SharedFilterSettings readSharedSettings(obs_data_t* settings)
{
    return {obs_data_get_string(settings, SETTING_PACK), obs_data_get_string(settings, SETTING_RECORD_DIR),
            obs_data_get_bool(settings, SETTING_REHEARSAL)};
}

void writeSharedSettings(obs_data_t* settings, const GuardSettings& guard)
{
    obs_data_set_string(settings, SETTING_PACK, guard.packId.c_str());
    obs_data_set_string(settings, SETTING_RECORD_DIR, guard.recordDir.string().c_str());
    obs_data_set_bool(settings, SETTING_REHEARSAL, guard.rehearsal);
}

void setFilterDefaults(obs_data_t* settings, const GuardSettings& guard)
{
    obs_data_set_default_string(settings, SETTING_PACK, guard.packId.c_str());
    obs_data_set_default_string(settings, SETTING_CODES, codesStandard);
    obs_data_set_default_bool(settings, SETTING_BARCODES, true);
    obs_data_set_default_bool(settings, SETTING_PRESENTER, true);
    obs_data_set_default_bool(settings, SETTING_IDLE, true);
    obs_data_set_default_bool(settings, SETTING_QUALITY, true);
    obs_data_set_default_bool(settings, SETTING_LOGOS, true);
    obs_data_set_default_bool(settings, SETTING_SCREEN_TEXT, true);
    // Full resolution: small codes in a banner corner are lost when the canvas is scaled down
    // (tests/bench/RESULTS.md).
    obs_data_set_default_int(settings, SETTING_RESOLUTION, 0);
    obs_data_set_default_bool(settings, SETTING_REHEARSAL, guard.rehearsal);
    obs_data_set_default_string(settings, SETTING_RECORD_DIR, guard.recordDir.string().c_str());
}

obs_properties_t* makeFilterProperties(const std::vector<std::pair<std::string, LocalizedText>>& packs)
{
    obs_properties_t* props = obs_properties_create();
    obs_property_t* pack =
        obs_properties_add_list(props, SETTING_PACK, TEXT_PACK, OBS_COMBO_TYPE_LIST, OBS_COMBO_FORMAT_STRING);
    const bool chinese = std::strncmp(obs_get_locale(), "zh", 2) == 0;
    for (const auto& [id, name] : packs)
        obs_property_list_add_string(pack, (chinese ? name.zh : name.en).c_str(), id.c_str());

    obs_property_t* codes = obs_properties_add_list(props, SETTING_CODES, TEXT_CODES, OBS_COMBO_TYPE_LIST,
                                                    OBS_COMBO_FORMAT_STRING);
    obs_property_list_add_string(codes, TEXT_CODES_STANDARD, codesStandard);
    obs_property_list_add_string(codes, TEXT_CODES_THOROUGH, codesThorough);
    obs_property_list_add_string(codes, TEXT_CODES_OFF, codesOff);
    obs_properties_add_bool(props, SETTING_BARCODES, TEXT_BARCODES);
    obs_properties_add_bool(props, SETTING_PRESENTER, TEXT_PRESENTER);
    obs_properties_add_bool(props, SETTING_IDLE, TEXT_IDLE);
    obs_properties_add_bool(props, SETTING_QUALITY, TEXT_QUALITY);
    obs_properties_add_bool(props, SETTING_LOGOS, TEXT_LOGOS);
    obs_properties_add_bool(props, SETTING_SCREEN_TEXT, TEXT_SCREEN_TEXT);

    obs_property_t* resolution = obs_properties_add_list(props, SETTING_RESOLUTION, TEXT_RESOLUTION,
                                                         OBS_COMBO_TYPE_LIST, OBS_COMBO_FORMAT_INT);
    obs_property_list_add_int(resolution, TEXT_RESOLUTION_NATIVE, 0);
    for (const long long height : {1080LL, 720LL, 540LL})
        obs_property_list_add_int(resolution, (std::to_string(height) + "p").c_str(), height);

    obs_property_t* rehearsal = obs_properties_add_bool(props, SETTING_REHEARSAL, TEXT_REHEARSAL);
    obs_property_set_long_description(rehearsal, TEXT_REHEARSAL_INFO);
    obs_property_t* folder = obs_properties_add_path(props, SETTING_RECORD_DIR, TEXT_RECORD_DIR,
                                                     OBS_PATH_DIRECTORY, nullptr, nullptr);
    obs_property_set_long_description(folder, TEXT_RECORD_DIR_INFO);
    return props;
}

} // namespace cg::obs

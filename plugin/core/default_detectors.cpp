#include "core/default_detectors.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <stdexcept>

namespace cg {

namespace {

// One detector the settings enable: what it reports and how often, and how to start it. The single
// list below serves makeDetectors, detectorCategories and captureCadence alike.
struct EnabledDetector {
    std::string_view id;
    std::vector<std::string_view> categories;
    Millis cadence;
    std::function<std::unique_ptr<Detector>()> start;
};

template <typename D, typename Settings>
EnabledDetector entry(std::vector<std::string_view> categories, const Settings& settings)
{
    return {D::kId, std::move(categories), settings.cadence,
            [&settings] { return std::make_unique<D>(settings); }};
}

std::vector<EnabledDetector> enabledDetectors(const DetectorSettings& s)
{
    std::vector<EnabledDetector> enabled;
    if (s.codes)
        enabled.push_back(
            entry<CodeDetector>({CodeDetector::kQrCategory, CodeDetector::kBarcodeCategory}, s.codeSettings));
    if (s.presenter)
        enabled.push_back(entry<PresenterDetector>(
            {PresenterDetector::kPersonCategory, PresenterDetector::kUnregisteredCategory},
            s.presenterSettings));
    if (s.idle) {
        enabled.push_back(entry<StaticPictureDetector>({StaticPictureDetector::kCategory}, s.staticSettings));
        enabled.push_back(entry<SlideshowDetector>({SlideshowDetector::kCategory}, s.slideshowSettings));
        enabled.push_back(entry<LoopingVideoDetector>({LoopingVideoDetector::kCategory}, s.loopSettings));
    }
    if (s.quality)
        enabled.push_back(entry<PictureQualityDetector>({PictureQualityDetector::kBlurryCategory,
                                                         PictureQualityDetector::kBlankCategory,
                                                         PictureQualityDetector::kSmallContentCategory},
                                                        s.qualitySettings));
    if (s.logos)
        enabled.push_back(entry<LogoDetector>({LogoDetector::kCategory}, s.logoSettings));
    if (s.screenText)
        enabled.push_back(entry<TextDetector>({TextDetector::kCategory}, s.textSettings));
    return enabled;
}

} // namespace

void useRulePack(DetectorSettings& settings, const RulePack& pack)
{
    settings.textSettings.classifier = pack.screenText;
    settings.logoSettings.allowedBrands = {pack.allowedLogos.begin(), pack.allowedLogos.end()};
}

std::vector<std::unique_ptr<Detector>> makeDetectors(const DetectorSettings& settings,
                                                     std::vector<std::string>* errors)
{
    std::vector<std::unique_ptr<Detector>> detectors;
    for (const EnabledDetector& detector : enabledDetectors(settings)) {
        try {
            detectors.push_back(detector.start());
        } catch (const std::exception& error) {
            if (errors == nullptr)
                throw;
            errors->push_back(std::string(detector.id) + ": " + error.what());
        }
    }
    return detectors;
}

std::vector<std::string> detectorCategories(const DetectorSettings& settings)
{
    std::vector<std::string> categories;
    for (const EnabledDetector& detector : enabledDetectors(settings))
        categories.insert(categories.end(), detector.categories.begin(), detector.categories.end());
    return categories;
}

Millis captureCadence(const DetectorSettings& settings)
{
    std::optional<Millis> shortest;
    for (const EnabledDetector& detector : enabledDetectors(settings))
        shortest = shortest ? std::min(*shortest, detector.cadence) : detector.cadence;
    return shortest.value_or(Millis{1000});
}

} // namespace cg

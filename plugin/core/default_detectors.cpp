#include "core/default_detectors.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace cg {

namespace {

template <typename Make>
void add(std::vector<std::unique_ptr<Detector>>& detectors, std::string_view id,
         std::vector<std::string>* errors, Make make)
{
    try {
        detectors.push_back(make());
    } catch (const std::exception& error) {
        if (errors == nullptr)
            throw;
        errors->push_back(std::string(id) + ": " + error.what());
    }
}

} // namespace

std::vector<std::unique_ptr<Detector>> makeDetectors(const DetectorSettings& settings,
                                                     std::vector<std::string>* errors)
{
    std::vector<std::unique_ptr<Detector>> detectors;
    if (settings.codes)
        add(detectors, CodeDetector::kId, errors,
            [&] { return std::make_unique<CodeDetector>(settings.codeSettings); });
    if (settings.presenter)
        add(detectors, PresenterDetector::kId, errors,
            [&] { return std::make_unique<PresenterDetector>(settings.presenterSettings); });
    if (settings.idle) {
        add(detectors, StaticPictureDetector::kId, errors,
            [&] { return std::make_unique<StaticPictureDetector>(settings.staticSettings); });
        add(detectors, SlideshowDetector::kId, errors,
            [&] { return std::make_unique<SlideshowDetector>(settings.slideshowSettings); });
        add(detectors, LoopingVideoDetector::kId, errors,
            [&] { return std::make_unique<LoopingVideoDetector>(settings.loopSettings); });
    }
    if (settings.quality)
        add(detectors, PictureQualityDetector::kId, errors,
            [&] { return std::make_unique<PictureQualityDetector>(settings.qualitySettings); });
    return detectors;
}

std::vector<std::string> detectorCategories(const DetectorSettings& settings)
{
    std::vector<std::string_view> categories;
    if (settings.codes)
        categories.insert(categories.end(), {CodeDetector::kQrCategory, CodeDetector::kBarcodeCategory});
    if (settings.presenter)
        categories.insert(categories.end(),
                          {PresenterDetector::kPersonCategory, PresenterDetector::kUnregisteredCategory});
    if (settings.idle)
        categories.insert(categories.end(), {StaticPictureDetector::kCategory, SlideshowDetector::kCategory,
                                             LoopingVideoDetector::kCategory});
    if (settings.quality)
        categories.insert(categories.end(),
                          {PictureQualityDetector::kBlurryCategory, PictureQualityDetector::kBlankCategory,
                           PictureQualityDetector::kSmallContentCategory});
    return {categories.begin(), categories.end()};
}

Millis captureCadence(const DetectorSettings& settings)
{
    std::optional<Millis> shortest;
    const auto consider = [&shortest](Millis cadence) {
        shortest = shortest ? std::min(*shortest, cadence) : cadence;
    };
    if (settings.codes)
        consider(settings.codeSettings.cadence);
    if (settings.presenter)
        consider(settings.presenterSettings.cadence);
    if (settings.idle)
        for (const Millis cadence : {settings.staticSettings.cadence, settings.slideshowSettings.cadence,
                                     settings.loopSettings.cadence})
            consider(cadence);
    if (settings.quality)
        consider(settings.qualitySettings.cadence);
    return shortest.value_or(Millis{1000});
}

} // namespace cg

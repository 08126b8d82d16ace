#pragma once

#include "core/activity/looping_video_detector.hpp"
#include "core/activity/slideshow_detector.hpp"
#include "core/activity/static_picture_detector.hpp"
#include "core/codes/code_detector.hpp"
#include "core/detector.hpp"
#include "core/logos/logo_detector.hpp"
#include "core/presence/presenter_detector.hpp"
#include "core/quality/picture_quality_detector.hpp"
#include "core/rules/rule_pack.hpp"
#include "core/text/text_detector.hpp"

#include <memory>
#include <string>
#include <vector>

namespace cg {

// Which detectors run and how; the filter's properties map onto this.
struct DetectorSettings {
    bool codes = true;
    CodeDetectorSettings codeSettings;
    bool presenter = true;
    PresenterDetectorSettings presenterSettings;
    bool idle = true; // static picture, slideshow and looping video
    StaticPictureSettings staticSettings;
    SlideshowSettings slideshowSettings;
    LoopingVideoSettings loopSettings;
    bool quality = true; // blur, blank canvas, content too small
    PictureQualitySettings qualitySettings;
    bool logos = true; // external platforms' logos
    LogoDetectorSettings logoSettings;
    bool screenText = true; // contact details, external platforms and claims in on-screen text
    TextDetectorSettings textSettings;

    [[nodiscard]] bool anyEnabled() const
    {
        return codes || presenter || idle || quality || logos || screenText;
    }
};

// What the rule pack decides for the detectors: the word lists of the text check and the logos the
// platform allows.
void useRulePack(DetectorSettings& settings, const RulePack& pack);

// The detectors the filter and the CLI run. A detector that cannot start (a model file missing) is
// left out and its error, naming the file, is added to `errors`; without `errors` it throws.
std::vector<std::unique_ptr<Detector>> makeDetectors(const DetectorSettings& settings = {},
                                                     std::vector<std::string>* errors = nullptr);

// The categories those detectors report, without starting them (no model is loaded).
std::vector<std::string> detectorCategories(const DetectorSettings& settings);

// How often frames must be captured for every enabled detector to run at its cadence.
Millis captureCadence(const DetectorSettings& settings);

} // namespace cg

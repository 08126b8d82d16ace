#pragma once

#include "core/activity/stillness_judge.hpp"
#include "core/detector.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

struct StaticPictureSettings {
    Millis cadence{500}; // the guard captures at most twice a second; the rules count minutes
    activity::StillnessSettings stillness;
};

// Reports "static_picture" on every run where the picture has not meaningfully changed since the
// previous run nor since the still stretch began (a vacant or frozen camera, a paused recording).
// Sensor and encoder noise, flicker, keyframe blips and a small changing region such as a clock do
// not end it; a cut or real motion ends it on the run that sees it. The rule pack times it.
class StaticPictureDetector final : public Detector {
  public:
    static constexpr std::string_view kId = "static_picture";
    static constexpr std::string_view kCategory = "static_picture";

    explicit StaticPictureDetector(StaticPictureSettings settings = {});

    [[nodiscard]] std::string_view id() const override { return kId; }
    [[nodiscard]] std::vector<std::string> categories() const override { return {std::string(kCategory)}; }
    [[nodiscard]] Millis cadence() const override { return settings_.cadence; }
    std::vector<Detection> detect(const Frame& frame) override;

    // The judgement of the latest run (false before the second run).
    [[nodiscard]] bool lastJudgedStatic() const { return last_.still; }
    [[nodiscard]] const activity::StillJudgement& lastJudgement() const { return last_; }
    // Frame time of the first run of the current still stretch, if the picture is still.
    [[nodiscard]] std::optional<Millis> stillSince() const { return stillSince_; }
    [[nodiscard]] const StaticPictureSettings& settings() const { return settings_; }

  private:
    StaticPictureSettings settings_;
    activity::StillnessJudge judge_;
    activity::StillJudgement last_;
    std::optional<Millis> stillSince_;
    Millis previousRun_{0};
};

} // namespace cg

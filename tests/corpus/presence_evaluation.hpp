#pragma once

#include "core/finding.hpp"
#include "core/presence/presenter_detector.hpp"
#include "core/rules/rule_pack.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace cg::corpus {

// A presenter detector run over a clip at its cadence on media time, with a FindingTracker fed the
// results on a ManualClock that follows the media time.
struct ClipRun {
    std::string file;
    int framesRead = 0;
    int sampled = 0; // frames the detector ran on
    int absent = 0;  // of those, judged without a presenter
    std::string
        judgements; // one letter per sampled frame: F face, P profile, T tracked, M motion, H held, - absent
    std::vector<FindingEvent> events;
    double medianMs = 0; // detector time per sampled frame
    [[nodiscard]] double absentShare() const
    {
        return sampled == 0 ? 0 : static_cast<double>(absent) / sampled;
    }
};

// Empty file when the clip cannot be opened.
ClipRun runOverClip(const std::filesystem::path& clip, PresenterDetector& detector, const RulePack& pack);

// A pack with one rule: "person" absent for noticeAfterS opens a finding, clearing after clearAfterS.
RulePack presenterAbsentPack(double noticeAfterS, double clearAfterS);

} // namespace cg::corpus

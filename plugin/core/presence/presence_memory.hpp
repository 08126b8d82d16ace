#pragma once

#include "core/frame.hpp"

#include <opencv2/core/types.hpp>

#include <optional>
#include <string>

namespace cg {

// What one run saw of the presenter, strongest first.
enum class PresenceCue {
    None,    // nothing of the presenter
    Motion,  // movement around where the presenter was last seen
    Tracked, // the presenter's last-seen head found again by its look (template match)
    Profile, // a face in profile near where the presenter was
    Face,    // a frontal face anywhere
};

struct PresenceMemorySettings {
    // Cues other than a frontal face keep a presenter present for at most this long after the last
    // face (frontal or profile): a turn to show a product lasts seconds, not minutes.
    Millis evidenceHold{30000};
    // With no cue at all, presence is held this long after the last cue...
    Millis graceHold{2500};
    // ...and through at least this many runs in a row without a cue, so one missed run never flips it.
    int minMissedRuns = 2;
};

struct PresenceJudgement {
    bool present = false;
    PresenceCue cue = PresenceCue::None; // the cue this judgement rests on (None while only held)
    bool held = false;                   // present only through the grace period
    cv::Rect2f box;                      // where the presenter is, in analysis coordinates
};

// The hysteresis between per-run cues and "is a presenter present": a face makes the presenter
// present at once; weaker cues count only near a face seen within evidenceHold; absence needs
// several runs and some seconds without any cue.
class PresenceMemory {
  public:
    explicit PresenceMemory(PresenceMemorySettings settings = {}) : settings_(settings) {}

    // One run at `time`: the strongest cue seen and where (box ignored for None).
    PresenceJudgement observe(Millis time, PresenceCue cue, const cv::Rect2f& box = {});

    // Whether cues weaker than a face may count now (a face was seen within evidenceHold).
    [[nodiscard]] bool acceptsWeakCues(Millis time) const;
    [[nodiscard]] std::optional<cv::Rect2f> lastBox() const { return lastBox_; }
    [[nodiscard]] const PresenceJudgement& last() const { return last_; }
    void reset();

  private:
    PresenceMemorySettings settings_;
    std::optional<Millis> lastFaceAt_;
    std::optional<Millis> lastCueAt_;
    std::optional<cv::Rect2f> lastBox_;
    int missedRuns_ = 0;
    PresenceJudgement last_;
};

std::string cueLabel(PresenceCue cue);

} // namespace cg

#include "core/presence/presence_memory.hpp"

namespace cg {

bool PresenceMemory::acceptsWeakCues(Millis time) const
{
    return lastFaceAt_ && time - *lastFaceAt_ <= settings_.evidenceHold;
}

PresenceJudgement PresenceMemory::observe(Millis time, PresenceCue cue, const cv::Rect2f& box)
{
    const bool faceCue = cue == PresenceCue::Face || cue == PresenceCue::Profile;
    const bool cueCounts = faceCue || (cue != PresenceCue::None && acceptsWeakCues(time));
    PresenceJudgement judgement;
    if (cueCounts) {
        if (faceCue)
            lastFaceAt_ = time;
        lastCueAt_ = time;
        missedRuns_ = 0;
        if (box.area() > 0)
            lastBox_ = box;
        judgement.present = true;
        judgement.cue = cue;
    } else {
        ++missedRuns_;
        const bool withinGrace = lastCueAt_ && (time - *lastCueAt_ <= settings_.graceHold ||
                                                missedRuns_ < settings_.minMissedRuns);
        judgement.present = withinGrace;
        judgement.held = withinGrace;
    }
    if (judgement.present && lastBox_)
        judgement.box = *lastBox_;
    last_ = judgement;
    return judgement;
}

void PresenceMemory::reset()
{
    lastFaceAt_.reset();
    lastCueAt_.reset();
    lastBox_.reset();
    missedRuns_ = 0;
    last_ = {};
}

std::string cueLabel(PresenceCue cue)
{
    switch (cue) {
    case PresenceCue::Face:
        return "face";
    case PresenceCue::Profile:
        return "profile";
    case PresenceCue::Tracked:
        return "tracked";
    case PresenceCue::Motion:
        return "motion";
    case PresenceCue::None:
        break;
    }
    return "held";
}

} // namespace cg

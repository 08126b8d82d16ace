#include "core/activity/stillness_judge.hpp"

namespace cg::activity {

StillnessJudge::StillnessJudge(StillnessSettings settings) : settings_(settings) {}

StillJudgement StillnessJudge::judge(const cv::Mat& smallPicture)
{
    StillJudgement judgement;
    if (previous_.empty() || previous_.size() != smallPicture.size()) {
        previous_ = smallPicture;
        anchor_ = smallPicture;
        return judgement;
    }
    judgement.sincePrevious = measureChange(previous_, smallPicture, settings_.pixelLevel);
    judgement.sinceAnchor = measureChange(anchor_, smallPicture, settings_.pixelLevel);
    judgement.still = judgement.sincePrevious.changedShare <= settings_.maxChangedShare &&
                      judgement.sinceAnchor.changedShare <= settings_.maxDriftShare;
    if (!judgement.still) {
        anchor_ = smallPicture;
    }
    previous_ = smallPicture;
    return judgement;
}

} // namespace cg::activity

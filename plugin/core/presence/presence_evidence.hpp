#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include <optional>

namespace cg {

// Where a presenter whose head was at `head` can be a moment later: head and shoulders, with room to
// turn and lean (one head width either side, half a head above, two below), clipped to `frame`.
cv::Rect presenterNeighbourhood(const cv::Rect2f& head, const cv::Size& frame);

// Share of the pixels of `region` whose gray level changed by more than `levelChange` between two
// pictures of the same size.
double changedShare(const cv::Mat& previousGray, const cv::Mat& gray, const cv::Rect& region,
                    int levelChange);

// The last-seen look of the presenter's head, found again by normalised cross-correlation. The
// picture is reduced so the head is about kTemplateWidth px wide, which keeps a search cheap.
class HeadTemplate {
  public:
    static constexpr int kTemplateWidth = 32;

    HeadTemplate() = default;
    HeadTemplate(const cv::Mat& gray, const cv::Rect& head);

    [[nodiscard]] bool empty() const { return patch_.empty(); }
    struct Match {
        cv::Rect2f box;
        double score = 0;
    };
    // The best place in `region` of `gray`, if its score is at least `minScore`.
    [[nodiscard]] std::optional<Match> find(const cv::Mat& gray, const cv::Rect& region,
                                            double minScore) const;

  private:
    cv::Mat patch_;
    double scale_ = 1; // patch pixels per picture pixel
};

} // namespace cg

#include "core/presence/presence_evidence.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace cg {

cv::Rect presenterNeighbourhood(const cv::Rect2f& head, const cv::Size& frame)
{
    const cv::Rect2f grown(head.x - head.width, head.y - head.height / 2, head.width * 3, head.height * 3.5f);
    const cv::Rect rounded(static_cast<int>(std::floor(grown.x)), static_cast<int>(std::floor(grown.y)),
                           static_cast<int>(std::ceil(grown.width)),
                           static_cast<int>(std::ceil(grown.height)));
    return rounded & cv::Rect(0, 0, frame.width, frame.height);
}

double changedShare(const cv::Mat& previousGray, const cv::Mat& gray, const cv::Rect& region, int levelChange)
{
    if (previousGray.empty() || previousGray.size() != gray.size())
        return 0;
    const cv::Rect inside = region & cv::Rect(0, 0, gray.cols, gray.rows);
    if (inside.area() == 0)
        return 0;
    cv::Mat difference;
    cv::absdiff(previousGray(inside), gray(inside), difference);
    const int changed = cv::countNonZero(difference > levelChange);
    return static_cast<double>(changed) / static_cast<double>(inside.area());
}

HeadTemplate::HeadTemplate(const cv::Mat& gray, const cv::Rect& head)
{
    const cv::Rect inside = head & cv::Rect(0, 0, gray.cols, gray.rows);
    if (inside.width < 8 || inside.height < 8)
        return;
    scale_ = static_cast<double>(kTemplateWidth) / inside.width;
    cv::resize(gray(inside), patch_, cv::Size(), scale_, scale_,
               scale_ < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
}

std::optional<HeadTemplate::Match> HeadTemplate::find(const cv::Mat& gray, const cv::Rect& region,
                                                      double minScore) const
{
    const cv::Rect inside = region & cv::Rect(0, 0, gray.cols, gray.rows);
    if (patch_.empty() || inside.area() == 0)
        return std::nullopt;
    cv::Mat reduced;
    cv::resize(gray(inside), reduced, cv::Size(), scale_, scale_,
               scale_ < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    if (reduced.cols < patch_.cols || reduced.rows < patch_.rows)
        return std::nullopt;
    cv::Mat scores;
    cv::matchTemplate(reduced, patch_, scores, cv::TM_CCOEFF_NORMED);
    double best = 0;
    cv::Point at;
    cv::minMaxLoc(scores, nullptr, &best, nullptr, &at);
    if (!std::isfinite(best) || best < minScore)
        return std::nullopt;
    const auto toPicture = [&](double reducedPx) { return static_cast<float>(reducedPx / scale_); };
    return Match{cv::Rect2f(static_cast<float>(inside.x) + toPicture(at.x),
                            static_cast<float>(inside.y) + toPicture(at.y), toPicture(patch_.cols),
                            toPicture(patch_.rows)),
                 best};
}

} // namespace cg

#include "unit/presence/drawn_face.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace cg::test {

void drawFace(cv::Mat& gray, cv::Point centre, int size, const FaceLook& look)
{
    const int r = size / 2;
    auto at = [&](double dx, double dy) {
        return centre + cv::Point(static_cast<int>(dx * r), static_cast<int>(dy * r));
    };
    auto axes = [&](double ax, double ay) {
        return cv::Size(static_cast<int>(ax * r), static_cast<int>(ay * r));
    };
    cv::ellipse(gray, centre, axes(0.8, 1.0), 0, 0, 360, cv::Scalar(look.skin), -1);
    cv::ellipse(gray, at(0, -0.9), axes(0.85, 0.45), 0, 180, 360, cv::Scalar(look.hair), -1);
    for (const int side : {-1, 1}) {
        cv::ellipse(gray, at(side * look.eyeSpacing, -0.2), axes(0.16, 0.09), 0, 0, 360, cv::Scalar(50), -1);
        cv::line(gray, at(side * 0.55, -0.42), at(side * 0.15, -0.40), cv::Scalar(60), std::max(2, r / 12));
    }
    cv::ellipse(gray, at(0, 0.15), axes(0.10, 0.18), 0, 0, 360, cv::Scalar(150), -1);
    cv::ellipse(gray, at(0, 0.5), axes(look.mouthWidth, 0.09), 0, 0, 360, cv::Scalar(80), -1);
    const cv::Rect around =
        cv::Rect(centre.x - size, centre.y - size, 2 * size, 2 * size) & cv::Rect(0, 0, gray.cols, gray.rows);
    cv::Mat region = gray(around);
    cv::GaussianBlur(region, region, cv::Size(), std::max(1.0, size / 60.0));
}

void drawBackOfHead(cv::Mat& gray, cv::Point centre, int size, int hair)
{
    const int r = size / 2;
    cv::ellipse(gray, centre + cv::Point(0, -r / 5), cv::Size(r * 85 / 100, r * 11 / 10), 0, 0, 360,
                cv::Scalar(hair), -1);
}

cv::Mat emptyRoom(cv::Size size, unsigned seed)
{
    cv::Mat room(size, CV_8UC1, cv::Scalar(90));
    cv::Mat noise(size, CV_8UC1);
    cv::RNG rng(seed);
    rng.fill(noise, cv::RNG::NORMAL, 0, 3);
    room += noise;
    return room;
}

} // namespace cg::test

#include "core/record/evidence.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <string>

namespace cg {
namespace {

const cv::Scalar kOutlineColour{0, 0, 255}; // BGR red
const cv::Scalar kEdgeColour{0, 0, 0};
const cv::Scalar kLabelTextColour{255, 255, 255};

std::string labelText(const Detection& detection)
{
    std::string text = detection.category.empty() ? detection.label : detection.category;
    if (!detection.label.empty() && detection.label != text)
        text += " (" + detection.label + ")";
    // Hershey fonts only draw ASCII.
    for (char& c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
            c = '?';
    }
    return text;
}

void drawLabel(cv::Mat& image, const std::string& text, cv::Point anchor, int thickness)
{
    if (text.empty())
        return;
    const double scale = std::max(0.4, image.cols / 1200.0);
    int baseline = 0;
    const cv::Size size = cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, scale, 1, &baseline);
    const int pad = thickness;
    int x = std::clamp(anchor.x, 0, std::max(0, image.cols - size.width - 2 * pad));
    int y = anchor.y - thickness - 2 * pad - size.height - baseline;
    if (y < 0)
        y = std::min(anchor.y + thickness, std::max(0, image.rows - size.height - baseline - 2 * pad));
    const cv::Rect box(x, y, size.width + 2 * pad, size.height + baseline + 2 * pad);
    cv::rectangle(image, box, kOutlineColour, cv::FILLED);
    cv::putText(image, text, {x + pad, y + pad + size.height}, cv::FONT_HERSHEY_SIMPLEX, scale,
                kLabelTextColour, 1, cv::LINE_AA);
}

} // namespace

cv::Mat renderEvidence(const Frame& frame, const std::vector<Detection>& detections, int maxWidth)
{
    // A gray analysis frame brings a colour preview: the picture comes from it, the polygons (in
    // the analysed frame's coordinates) are scaled to it.
    const Frame& picture = frame.preview() != nullptr ? *frame.preview() : frame;
    cv::Mat image = picture.bgr();
    if (image.empty())
        return image;
    double scale = static_cast<double>(picture.width()) / frame.width();
    if (maxWidth > 0 && image.cols > maxWidth) {
        const double shrink = static_cast<double>(maxWidth) / image.cols;
        scale *= shrink;
        const int height = std::max(1, static_cast<int>(image.rows * shrink + 0.5));
        cv::Mat scaled;
        cv::resize(image, scaled, {maxWidth, height}, 0, 0, cv::INTER_AREA);
        image = scaled;
    }
    const int thickness = std::max(3, image.cols / 160);
    for (const Detection& detection : detections) {
        if (detection.polygon.empty())
            continue;
        std::vector<cv::Point> polygon;
        polygon.reserve(detection.polygon.size());
        for (const Point& point : detection.polygon)
            polygon.emplace_back(static_cast<int>(point.x * scale + 0.5),
                                 static_cast<int>(point.y * scale + 0.5));
        const std::vector<std::vector<cv::Point>> outline{polygon};
        cv::polylines(image, outline, true, kEdgeColour, thickness + 2, cv::LINE_AA);
        cv::polylines(image, outline, true, kOutlineColour, thickness, cv::LINE_AA);
        const auto topLeft = *std::min_element(
            polygon.begin(), polygon.end(), [](cv::Point a, cv::Point b) { return a.y + a.x < b.y + b.x; });
        drawLabel(image, labelText(detection), topLeft, thickness);
    }
    return image;
}

} // namespace cg

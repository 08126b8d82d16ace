#include "core/presence/face_finder.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <stdexcept>

namespace cg {

namespace {

cv::CascadeClassifier loadCascade(const std::string& path)
{
    cv::CascadeClassifier cascade;
    if (!cascade.load(path))
        throw std::runtime_error("cannot load the face cascade " + path);
    return cascade;
}

} // namespace

FaceFinder::FaceFinder(FaceFinderSettings settings)
    : settings_(std::move(settings)),
      frontal_(loadCascade(settings_.cascadeFolder + "/lbpcascades/lbpcascade_frontalface.xml")),
      profile_(loadCascade(settings_.cascadeFolder + "/lbpcascades/lbpcascade_profileface.xml"))
{
}

const FoundFace* dominantFace(const std::vector<FoundFace>& faces)
{
    int bestSupport = 0;
    for (const FoundFace& face : faces)
        bestSupport = std::max(bestSupport, face.support);
    const FoundFace* dominant = nullptr;
    for (const FoundFace& face : faces)
        if (2 * face.support >= bestSupport &&
            (dominant == nullptr || face.box.area() > dominant->box.area()))
            dominant = &face;
    return dominant;
}

std::vector<FoundFace> FaceFinder::frontal(const cv::Mat& gray)
{
    std::vector<FoundFace> faces;
    if (gray.empty())
        return faces;
    std::vector<cv::Rect> boxes;
    std::vector<int> support;
    frontal_.detectMultiScale(gray, boxes, support, settings_.scaleStep, settings_.minNeighbours, 0,
                              cv::Size(settings_.minFacePx, settings_.minFacePx));
    for (std::size_t i = 0; i < boxes.size(); ++i)
        faces.push_back({boxes[i], i < support.size() ? support[i] : settings_.minNeighbours});
    return faces;
}

std::vector<FoundFace> FaceFinder::frontalReduced(const cv::Mat& gray, int maxWidth)
{
    if (gray.cols <= maxWidth)
        return frontal(gray);
    const double scale = static_cast<double>(maxWidth) / gray.cols;
    cv::Mat reduced;
    cv::resize(gray, reduced, cv::Size(), scale, scale, cv::INTER_AREA);
    std::vector<FoundFace> faces = frontal(reduced);
    for (FoundFace& face : faces)
        face.box =
            cv::Rect(static_cast<int>(face.box.x / scale), static_cast<int>(face.box.y / scale),
                     static_cast<int>(face.box.width / scale), static_cast<int>(face.box.height / scale));
    return faces;
}

std::vector<FoundFace> FaceFinder::profileOneWay(const cv::Mat& patch, bool mirrored, int minSize)
{
    cv::Mat picture = patch;
    if (mirrored)
        cv::flip(patch, picture, 1);
    std::vector<cv::Rect> boxes;
    std::vector<int> support;
    profile_.detectMultiScale(picture, boxes, support, settings_.scaleStep, settings_.profileMinNeighbours, 0,
                              cv::Size(minSize, minSize));
    std::vector<FoundFace> faces;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        cv::Rect box = boxes[i];
        if (mirrored)
            box.x = patch.cols - box.x - box.width;
        faces.push_back({box, i < support.size() ? support[i] : settings_.profileMinNeighbours});
    }
    return faces;
}

std::vector<FoundFace> FaceFinder::profile(const cv::Mat& gray, const cv::Rect& region, int minSize)
{
    const cv::Rect inside = region & cv::Rect(0, 0, gray.cols, gray.rows);
    if (inside.width < minSize || inside.height < minSize)
        return {};
    const cv::Mat patch = gray(inside);
    // The cascade knows faces looking one way; the mirrored patch gives the other way.
    std::vector<FoundFace> faces = profileOneWay(patch, false, minSize);
    for (FoundFace& face : profileOneWay(patch, true, minSize))
        faces.push_back(face);
    for (FoundFace& face : faces)
        face.box += inside.tl();
    return faces;
}

} // namespace cg

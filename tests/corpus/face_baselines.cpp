#include "corpus/face_baselines.hpp"

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_transforms/interpolation.h>
#include <dlib/opencv/cv_image.h>

#include <stdexcept>

namespace cg::corpus {

struct DlibHogFaces::Detector {
    dlib::frontal_face_detector hog = dlib::get_frontal_face_detector();
};

DlibHogFaces::DlibHogFaces() : detector_(std::make_unique<Detector>()) {}
DlibHogFaces::~DlibHogFaces() = default;

std::vector<cv::Rect> DlibHogFaces::find(const cv::Mat& gray, int upsampling)
{
    dlib::array2d<unsigned char> image;
    dlib::assign_image(image, dlib::cv_image<unsigned char>(cvIplImage(gray)));
    for (int i = 0; i < upsampling; ++i)
        dlib::pyramid_up(image);
    const double scale = 1 << upsampling;
    std::vector<cv::Rect> found;
    for (const auto& box : detector_->hog(image))
        found.emplace_back(static_cast<int>(static_cast<double>(box.left()) / scale),
                           static_cast<int>(static_cast<double>(box.top()) / scale),
                           static_cast<int>(static_cast<double>(box.width()) / scale),
                           static_cast<int>(static_cast<double>(box.height()) / scale));
    return found;
}

LbpCascadeFaces::LbpCascadeFaces(const std::string& cascadeFile)
{
    if (!cascade_.load(cascadeFile))
        throw std::runtime_error("cannot load " + cascadeFile);
}

std::vector<cv::Rect> LbpCascadeFaces::find(const cv::Mat& gray)
{
    std::vector<cv::Rect> found;
    cascade_.detectMultiScale(gray, found);
    return found;
}

} // namespace cg::corpus

#include "core/presence/face_alignment.hpp"

#include <dlib/image_processing.h>
#include <dlib/opencv/cv_image.h>
#include <dlib/serialize.h>

#include <cmath>
#include <stdexcept>

namespace cg {

struct FaceAligner::Model {
    dlib::shape_predictor predictor;
};

namespace {

dlib::point centreOf(const dlib::full_object_detection& shape, unsigned long first, unsigned long last)
{
    dlib::dpoint sum(0, 0);
    for (unsigned long i = first; i <= last; ++i)
        sum += shape.part(i);
    return sum / static_cast<double>(last - first + 1);
}

// A frontal face has its eyes apart by a fair share of the box and its nose tip between them; the
// predictor still answers for a profile or a non-face, with landmarks that fail these checks.
bool looksFrontal(const dlib::full_object_detection& shape, const dlib::rectangle& box)
{
    const dlib::point leftEye = centreOf(shape, 36, 41);
    const dlib::point rightEye = centreOf(shape, 42, 47);
    const dlib::point noseTip = shape.part(30);
    const double eyeDistance = dlib::length(rightEye - leftEye);
    if (eyeDistance < 0.25 * static_cast<double>(box.width()))
        return false;
    const double noseAlongEyes =
        dlib::dot(dlib::dpoint(noseTip - leftEye), dlib::dpoint(rightEye - leftEye)) /
        (eyeDistance * eyeDistance);
    return noseAlongEyes > 0.15 && noseAlongEyes < 0.85;
}

} // namespace

FaceAligner::FaceAligner(const std::string& landmarkModel) : model_(std::make_unique<Model>())
{
    try {
        dlib::deserialize(landmarkModel) >> model_->predictor;
    } catch (const std::exception& error) {
        throw std::runtime_error("cannot load the face landmark model " + landmarkModel + ": " +
                                 error.what());
    }
}

FaceAligner::~FaceAligner() = default;

std::optional<cv::Mat> FaceAligner::align(const cv::Mat& gray, const cv::Rect& face) const
{
    if (gray.empty() || gray.type() != CV_8UC1 || face.area() == 0)
        return std::nullopt;
    const dlib::cv_image<unsigned char> image(cvIplImage(gray));
    const dlib::rectangle box(face.x, face.y, face.x + face.width - 1, face.y + face.height - 1);
    const dlib::full_object_detection shape = model_->predictor(image, box);
    if (shape.num_parts() != 68 || !looksFrontal(shape, box))
        return std::nullopt;
    dlib::array2d<unsigned char> chip;
    dlib::extract_image_chip(image, dlib::get_face_chip_details(shape, kChipSize, 0.2), chip);
    cv::Mat out(kChipSize, kChipSize, CV_8UC1);
    for (long row = 0; row < chip.nr(); ++row)
        for (long col = 0; col < chip.nc(); ++col)
            out.at<unsigned char>(static_cast<int>(row), static_cast<int>(col)) = chip[row][col];
    return out;
}

} // namespace cg

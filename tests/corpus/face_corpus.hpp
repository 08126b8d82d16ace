#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace cg::corpus {

inline constexpr int kFaceFrameWidth = 640;
inline constexpr int kFaceFrameHeight = 360;

// One image of the faces corpus, scaled to fit a 640x360 frame (letterboxed on mid-gray, as a
// camera source placed in a 16:9 canvas would be).
struct FaceSample {
    std::string file; // relative to the corpus folder, e.g. "faces/fr_two_people.jpg"
    bool face = false;
    bool person = false;
    int faceCount = 0;
    std::vector<cv::Rect> faceBoxes; // human-annotated boxes in frame coordinates, when the truth has them
    cv::Mat frame;                   // BGR, kFaceFrameWidth x kFaceFrameHeight
};

struct VideoTruth {
    std::string file; // relative to the corpus folder
    bool person = false;
    bool presenterLike = false;
};

// Every truth.json "faces" entry, loaded and placed in its frame.
std::vector<FaceSample> loadFaceSamples(const std::filesystem::path& corpusDir);
// The truth.json "videos" entries.
std::vector<VideoTruth> loadVideoTruth(const std::filesystem::path& corpusDir);

// `image` scaled (aspect kept) to fit width x height, centred on mid-gray; `boxes` are mapped along.
cv::Mat letterbox(const cv::Mat& image, int width, int height, std::vector<cv::Rect>* boxes = nullptr);

// Whether `found` overlaps one of `truth` enough to count as the same face (the centre of the found
// box inside a truth box grown by half its size: detectors disagree on how much forehead and chin a
// face box holds).
bool matchesAnyFace(const cv::Rect& found, const std::vector<cv::Rect>& truth);

double median(std::vector<double> values);

} // namespace cg::corpus

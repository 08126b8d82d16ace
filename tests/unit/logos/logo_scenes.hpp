#pragma once

// Generated logo frames for tests, tuning and benchmarks: the shipped marks (and distractor marks
// that are not on the list) drawn in colour, white, black, as app icons and on cards, 24-160 px,
// rotated, in perspective, blurred and JPEG-compressed, over real photos read at run time.
#include <filesystem>
#include <opencv2/core/mat.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace cg::test {

struct Mark {
    std::string slug;
    cv::Vec3b colourBgr;
    cv::Mat mask; // CV_8UC1, white on black
};

enum class MarkStyle { Colour, White, Black, AppIcon, ColourOnCard };

struct PlacedMark {
    std::string slug;
    MarkStyle style = MarkStyle::Colour;
    cv::Rect box; // tight box of the drawn mark (of the square for an app icon)
    float angleDeg = 0;
};

struct LogoScene {
    cv::Mat bgr;                         // 1280x720 unless asked otherwise
    std::vector<PlacedMark> logos;       // listed marks: must be found
    std::vector<PlacedMark> distractors; // marks not on the list: must not be reported
};

// The marks of data/logos (manifest.json) and the distractors (every PNG of the folder, colours
// drawn at random from a fixed palette).
std::vector<Mark> loadListedMarks(const std::filesystem::path& templatesFolder);
std::vector<Mark> loadDistractorMarks(const std::filesystem::path& folder);

// Real photos to draw on: ../shared/corpus/faces, minus the four backgrounds the corpus logo
// composites use (so that tuning never sees them). Empty when the corpus is absent.
std::vector<cv::Mat> loadBackgroundPhotos(const std::filesystem::path& sharedFolder);

// A 1280x720-ish background: a photo crop when there are photos, else a drawn texture.
cv::Mat backgroundPicture(std::mt19937& random, const std::vector<cv::Mat>& photos, cv::Size size);

struct MarkPlacement {
    MarkStyle style = MarkStyle::Colour;
    int size = 64;      // longest side of the upright mark (of the square for an app icon), px
    float angleDeg = 0; // roll
    float tilt = 0;     // perspective: corner displacement as a share of the size
    // A poster or phone turned away from the camera (degrees about a vertical or horizontal axis,
    // seen through a lens `focalShare` times the sticker's size away); replaces `tilt` when not 0.
    float turnDeg = 0;
    bool turnAboutVerticalAxis = true;
    float focalShare = 2;
    cv::Point2f centre; // where it goes
    float opacity = 1;
};

// Draws one mark onto `canvas` (BGR) and returns where it went.
PlacedMark drawMark(cv::Mat& canvas, const Mark& mark, const MarkPlacement& placement, std::mt19937& random);

struct SceneOptions {
    cv::Size size{1280, 720};
    int minSize = 24;
    int maxSize = 160;
    int maxLogos = 3; // listed marks per positive frame: 1..maxLogos
    int maxDistractors = 2;
    bool negative = false; // distractors only
    // Share of marks on a poster or phone turned 30-60 degrees away (0: the frames of the seeds as
    // they always were, no extra random draws).
    float turnedAwayShare = 0;
};

LogoScene makeLogoScene(std::uint32_t seed, const std::vector<Mark>& listed,
                        const std::vector<Mark>& distractors, const std::vector<cv::Mat>& photos,
                        const SceneOptions& options = {});

} // namespace cg::test

#pragma once

#include "corpus/text_corpus.hpp"

#include <opencv2/core/mat.hpp>

#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace cv::freetype {
class FreeType2;
}

namespace cg::textcorpus {

// The UTF-8 characters of `text`, each as its own string.
std::vector<std::string> utf8Characters(const std::string& text);

// One line of generated seller text and what it is.
struct TextSample {
    std::string category; // a truth category: "wechat", ..., "negative_text", "negative_number"
    std::string text;
    std::vector<std::string> alsoMatches;
};

// Random contact details, platform mentions, absolute claims and look-alike captions, built from the
// classifier's rules (plugin/core/text/README.md), not from any corpus's strings.
class TextSampleMaker {
  public:
    explicit TextSampleMaker(unsigned seed) : random_(seed) {}
    TextSample make(const std::string& category);
    TextSample makeAny(bool violation);
    std::mt19937& random() { return random_; }
    // Every violation made from now on is of this category ("" for any).
    void onlyViolationsOf(std::string category) { onlyCategory_ = std::move(category); }

  private:
    std::string pick(const std::vector<std::string>& options);
    std::string digits(int count, bool leadingNonZero = true);
    std::string account(int minLength, int maxLength);
    std::mt19937 random_;
    std::string onlyCategory_;
};

struct GeneratedFrame {
    cv::Mat bgr;
    TruthFrame truth;
};

// 1280x720 frames with seller-style overlays (banners, boxes, outlined captions, price tags, vertical
// columns; rotation, blur, JPEG) over real photos read at run time.
class TextFrameGenerator {
  public:
    TextFrameGenerator(std::vector<cv::Mat> backgrounds, unsigned seed);
    ~TextFrameGenerator();
    GeneratedFrame next(const std::string& name);
    // Many samples of one classifier: every violation drawn is of this category.
    void onlyViolationsOf(std::string category) { samples_.onlyViolationsOf(std::move(category)); }
    // Renders one line of text in a simple lower-third banner over `background` (for unit tests).
    GeneratedFrame single(const cv::Mat& background, const TextSample& sample, int textHeight,
                          bool chineseFont, cv::Point origin = {200, 560});

    // Photos (jpg/png) under `folder` and one frame from the middle of each video there.
    static std::vector<cv::Mat> loadBackgrounds(const std::filesystem::path& folder);
    // The photos of the shared corpus's faces and idle folders (empty when the corpus is absent).
    static std::vector<cv::Mat> sharedPhotos();

  private:
    struct Font;
    struct Widget;
    Widget renderWidget(const std::vector<std::vector<TextSample>>& lines, bool vertical);

    std::vector<cv::Mat> backgrounds_;
    std::vector<Font> fonts_;
    TextSampleMaker samples_;
    std::mt19937 random_;
};

} // namespace cg::textcorpus

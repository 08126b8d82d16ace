#pragma once

#include "core/detector.hpp"
#include "core/text/tesseract_reader.hpp"
#include "core/text/text_classifier.hpp"
#include "core/text/text_regions.hpp"

#include <memory>
#include <opencv2/core/mat.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

struct TextDetectorSettings {
    // Word lists from the rule packs.
    TextClassifierSettings classifier;
    TesseractSettings ocr;
    TextRegionSettings regions;
    Millis cadence{1000};
    // OCR time (wall clock) allowed per second of stream time, averaged: a run may overspend, the next
    // ones then wait; regions left unread carry over to the next run. 0 reads everything at once.
    Millis budgetPerSecond{200};
    // Unspent budget saved up for a burst of new text is capped at this much.
    Millis maxSavedBudget{1500};
    // Text regions are looked for in the frame scaled to at most this width; OCR reads the full frame.
    int analysisWidth = 1280;
    // Lines are scaled to this height (pixels, including a margin) before OCR.
    int ocrLineHeight = 40;
    // A line read with less confidence than this (0..1) is read again scaled to secondLookLineHeight
    // (0: never), and the surer reading is kept.
    float secondLookBelow = 0.8f;
    int secondLookLineHeight = 48;
    // Where a region read as no text (a moving background's texture), new regions are read again
    // only this often.
    Millis emptyRegionRecheck{10000};
};

// Reads on-screen text in English and Simplified Chinese (Tesseract) where text appeared or changed,
// and reports what the classifier finds in it (category "text", label = kind).
class TextDetector final : public Detector {
  public:
    static constexpr std::string_view kId = "text";
    static constexpr std::string_view kCategory = "text";

    // Throws std::runtime_error naming a missing .traineddata file.
    explicit TextDetector(TextDetectorSettings settings = {});
    ~TextDetector() override;

    [[nodiscard]] std::string_view id() const override { return kId; }
    [[nodiscard]] std::vector<std::string> categories() const override { return {std::string(kCategory)}; }
    [[nodiscard]] Millis cadence() const override { return settings_.cadence; }
    [[nodiscard]] bool mayTakeLong() const override { return true; }
    std::vector<Detection> detect(const Frame& frame) override;

    struct RunStats {
        int regions = 0;    // text regions in the frame
        int read = 0;       // regions OCR'd in this run
        int pending = 0;    // regions still waiting for OCR after this run
        double ocrMs = 0;   // wall time spent in OCR
        double totalMs = 0; // wall time of the whole run
    };
    [[nodiscard]] const RunStats& lastRun() const { return lastRun_; }
    // Every line read in the last run and before that still on screen, in frame coordinates.
    [[nodiscard]] std::vector<std::string> visibleLines() const;

    [[nodiscard]] const TextDetectorSettings& settings() const { return settings_; }

  private:
    struct TrackedRegion;
    void readRegion(const cv::Mat& gray, double pictureToFrame, TrackedRegion& tracked);

    TextDetectorSettings settings_;
    TesseractReader reader_;
    std::vector<TrackedRegion> tracked_;
    // When each 32x32-pixel cell of the analysis picture last had a region that read as no text.
    cv::Mat emptyReadAt_; // CV_64F, milliseconds; -1e12 for never
    double savedBudgetMs_ = 0;
    bool started_ = false;
    Millis lastTime_{0};
    RunStats lastRun_;
};

// A short English description of a finding for people: "WeChat ID shown: VX abc123".
std::string describeTextFinding(std::string_view kind, std::string_view text);

} // namespace cg

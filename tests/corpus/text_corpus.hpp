#pragma once

#include "core/detection.hpp"

#include <opencv2/core/mat.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace cg::textcorpus {

// The truth categories that are violations; the detector's label "absolute_claim" is "absolute_word".
inline const std::vector<std::string> kViolationCategories = {
    "url", "email", "phone", "wechat", "qq", "handle", "bank_card", "platform_name", "absolute_word"};

struct TruthItem {
    std::string category;
    std::string text;
    cv::Rect box;
    std::vector<std::string> alsoMatches;
};

struct TruthFrame {
    std::string file;
    bool hasViolation = false;
    std::vector<TruthItem> items;
};

// ../shared/corpus/text/truth.json (or a generated set written in the same format).
std::vector<TruthFrame> loadTruth(const std::filesystem::path& truthFile);
void saveTruth(const std::vector<TruthFrame>& frames, const std::filesystem::path& truthFile);

// The truth category a detection stands for.
std::string truthCategory(const Detection& detection);

struct CategoryScore {
    int items = 0;
    int found = 0;
};

struct Evaluation {
    std::map<std::string, CategoryScore> perCategory;
    int cleanFrames = 0;
    int falseOnCleanFrames = 0; // detections on frames without any violation
    int negativeItems = 0;
    int negativeItemsFlagged = 0;    // negative items some detection overlaps
    int falseFindings = 0;           // detections matching no violation item, on all frames
    std::vector<std::string> misses; // "file: category `text`" per missed item
    std::vector<std::string> falses; // "file: label `text`" per false finding

    void add(const TruthFrame& frame, const std::vector<Detection>& detections);
    [[nodiscard]] double recall(const std::string& category) const;
    [[nodiscard]] double falsePer50CleanFrames() const;
    [[nodiscard]] std::string table() const;
};

} // namespace cg::textcorpus

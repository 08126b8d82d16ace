#include "corpus/text_corpus.hpp"

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cg::textcorpus {

namespace {

cv::Rect boundsOf(const std::vector<Point>& polygon)
{
    std::vector<cv::Point2f> points;
    for (const Point& point : polygon) {
        points.emplace_back(point.x, point.y);
    }
    return points.empty() ? cv::Rect{} : cv::boundingRect(points);
}

// A detection marks an item when a good part of the detection lies on the item's box.
bool marks(const cv::Rect& detection, const cv::Rect& item)
{
    const cv::Rect grown(item.x - 3, item.y - 3, item.width + 6, item.height + 6);
    return detection.area() > 0 && (detection & grown).area() >= 0.3 * detection.area();
}

bool matchesCategory(const TruthItem& item, const std::string& category)
{
    return item.category == category ||
           std::find(item.alsoMatches.begin(), item.alsoMatches.end(), category) != item.alsoMatches.end();
}

bool isViolation(const std::string& category)
{
    return std::find(kViolationCategories.begin(), kViolationCategories.end(), category) !=
           kViolationCategories.end();
}

} // namespace

std::vector<TruthFrame> loadTruth(const std::filesystem::path& truthFile)
{
    std::ifstream input(truthFile);
    if (!input) {
        throw std::runtime_error("cannot read " + truthFile.string());
    }
    const nlohmann::json json = nlohmann::json::parse(input);
    std::vector<TruthFrame> frames;
    for (const nlohmann::json& entry : json) {
        TruthFrame frame;
        frame.file = entry.at("file").get<std::string>();
        frame.hasViolation = entry.at("has_violation").get<bool>();
        for (const nlohmann::json& itemJson : entry.at("items")) {
            TruthItem item;
            item.category = itemJson.at("category").get<std::string>();
            item.text = itemJson.at("text").get<std::string>();
            const auto& box = itemJson.at("bbox");
            item.box = cv::Rect(box[0].get<int>(), box[1].get<int>(), box[2].get<int>(), box[3].get<int>());
            if (itemJson.contains("also_matches")) {
                item.alsoMatches = itemJson.at("also_matches").get<std::vector<std::string>>();
            }
            frame.items.push_back(std::move(item));
        }
        frames.push_back(std::move(frame));
    }
    return frames;
}

void saveTruth(const std::vector<TruthFrame>& frames, const std::filesystem::path& truthFile)
{
    nlohmann::json json = nlohmann::json::array();
    for (const TruthFrame& frame : frames) {
        nlohmann::json items = nlohmann::json::array();
        for (const TruthItem& item : frame.items) {
            nlohmann::json itemJson = {{"category", item.category},
                                       {"text", item.text},
                                       {"bbox", {item.box.x, item.box.y, item.box.width, item.box.height}}};
            if (!item.alsoMatches.empty()) {
                itemJson["also_matches"] = item.alsoMatches;
            }
            items.push_back(itemJson);
        }
        json.push_back({{"file", frame.file}, {"has_violation", frame.hasViolation}, {"items", items}});
    }
    std::ofstream(truthFile) << json.dump(1);
}

std::string truthCategory(const Detection& detection)
{
    return detection.label == "absolute_claim" ? std::string("absolute_word") : detection.label;
}

void Evaluation::add(const TruthFrame& frame, const std::vector<Detection>& detections)
{
    if (!frame.hasViolation) {
        ++cleanFrames;
    }
    for (const TruthItem& item : frame.items) {
        const bool flagged =
            std::any_of(detections.begin(), detections.end(), [&](const Detection& detection) {
                return marks(boundsOf(detection.polygon), item.box);
            });
        if (!isViolation(item.category)) {
            ++negativeItems;
            negativeItemsFlagged += flagged ? 1 : 0;
            continue;
        }
        CategoryScore& score = perCategory[item.category];
        ++score.items;
        const bool found = std::any_of(detections.begin(), detections.end(), [&](const Detection& detection) {
            return matchesCategory(item, truthCategory(detection)) &&
                   marks(boundsOf(detection.polygon), item.box);
        });
        if (found) {
            ++score.found;
        } else {
            misses.push_back(frame.file + ": " + item.category + " `" + item.text + "`");
        }
    }
    for (const Detection& detection : detections) {
        const std::string category = truthCategory(detection);
        const bool explained =
            std::any_of(frame.items.begin(), frame.items.end(), [&](const TruthItem& item) {
                return isViolation(item.category) && matchesCategory(item, category) &&
                       marks(boundsOf(detection.polygon), item.box);
            });
        if (!explained) {
            ++falseFindings;
            falseOnCleanFrames += frame.hasViolation ? 0 : 1;
            falses.push_back(frame.file + ": " + detection.label + " `" + detection.text + "`");
        }
    }
}

double Evaluation::recall(const std::string& category) const
{
    const auto it = perCategory.find(category);
    return it == perCategory.end() || it->second.items == 0
               ? 0.0
               : static_cast<double>(it->second.found) / it->second.items;
}

double Evaluation::falsePer50CleanFrames() const
{
    return cleanFrames == 0 ? 0.0 : 50.0 * falseOnCleanFrames / cleanFrames;
}

std::string Evaluation::table() const
{
    std::ostringstream out;
    char line[160];
    std::snprintf(line, sizeof line, "%-15s %6s %6s %8s\n", "category", "items", "found", "recall");
    out << line;
    for (const std::string& category : kViolationCategories) {
        const auto it = perCategory.find(category);
        const CategoryScore score = it == perCategory.end() ? CategoryScore{} : it->second;
        std::snprintf(line, sizeof line, "%-15s %6d %6d %7.1f%%\n", category.c_str(), score.items,
                      score.found, 100.0 * recall(category));
        out << line;
    }
    std::snprintf(
        line, sizeof line,
        "clean frames %d, false findings on them %d (%.2f per 50 clean frames); false findings on all "
        "frames %d; negative items flagged %d of %d\n",
        cleanFrames, falseOnCleanFrames, falsePer50CleanFrames(), falseFindings, negativeItemsFlagged,
        negativeItems);
    out << line;
    return out.str();
}

} // namespace cg::textcorpus

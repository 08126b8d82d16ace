#include "core/text/text_detector.hpp"

#include "core/text/line_image.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>

namespace cg {

struct TextDetector::TrackedRegion {
    TextRegion region; // in analysis-picture coordinates
    cv::Mat signature;
    bool read = false;
    Millis readAt{0};
    std::vector<std::string> lines;
    std::vector<Detection> detections;
};

namespace {

cv::Mat signatureOf(const cv::Mat& picture, const TextRegion& region)
{
    cv::Mat signature;
    const cv::Size size = region.vertical ? cv::Size(12, 48) : cv::Size(64, 12);
    cv::resize(picture(region.bounds), signature, size, 0, 0, cv::INTER_AREA);
    return signature;
}

double overlapRatio(const cv::Rect& a, const cv::Rect& b)
{
    const double common = (a & b).area();
    const double either = a.area() + b.area() - common;
    return either > 0 ? common / either : 0;
}

bool sameContent(const cv::Mat& a, const cv::Mat& b)
{
    if (a.size() != b.size()) {
        return false;
    }
    cv::Mat difference;
    cv::absdiff(a, b, difference);
    return cv::mean(difference)[0] < 6.0;
}

constexpr int kCell = 32;

cv::Rect cellsOf(const cv::Rect& bounds, const cv::Size& grid)
{
    const cv::Rect cells(bounds.x / kCell, bounds.y / kCell,
                         (bounds.x + bounds.width - 1) / kCell - bounds.x / kCell + 1,
                         (bounds.y + bounds.height - 1) / kCell - bounds.y / kCell + 1);
    return cells & cv::Rect(0, 0, grid.width, grid.height);
}

// A reading with no line of three or more letters, digits or ideographs: texture, not text.
bool readsAsNoText(const std::vector<std::string>& lines)
{
    for (const std::string& line : lines) {
        int characters = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const auto byte = static_cast<unsigned char>(line[i]);
            characters += (std::isalnum(byte) != 0 || byte >= 0xE0) ? 1 : 0;
        }
        if (characters >= 3) {
            return false;
        }
    }
    return true;
}

std::vector<std::string> textsOf(const std::vector<OcrLine>& lines)
{
    std::vector<std::string> texts;
    texts.reserve(lines.size());
    for (const OcrLine& line : lines) {
        texts.push_back(line.text);
    }
    return texts;
}

// A vertical line is laid out one character per cell, so the spaces read between cells are the
// layout's, not the text's ("加 Vpanda1381" is "加Vpanda1381").
void removeSpaces(OcrLine& line)
{
    std::string text;
    std::vector<cv::Rect> boxes;
    for (std::size_t byte = 0; byte < line.text.size(); ++byte) {
        if (line.text[byte] == ' ') {
            continue;
        }
        text.push_back(line.text[byte]);
        if (byte < line.byteBoxes.size()) {
            boxes.push_back(line.byteBoxes[byte]);
        }
    }
    line.text = std::move(text);
    line.byteBoxes = std::move(boxes);
}

double millisSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

std::string describeTextFinding(std::string_view kind, std::string_view text)
{
    std::string_view what = "Text shown";
    if (kind == text_kind::url) {
        what = "Web address shown";
    } else if (kind == text_kind::email) {
        what = "E-mail address shown";
    } else if (kind == text_kind::phone) {
        what = "Phone number shown";
    } else if (kind == text_kind::wechat) {
        what = "WeChat ID shown";
    } else if (kind == text_kind::qq) {
        what = "QQ number shown";
    } else if (kind == text_kind::handle) {
        what = "Social media account shown";
    } else if (kind == text_kind::bankCard) {
        what = "Bank card number shown";
    } else if (kind == text_kind::platformName) {
        what = "External platform named";
    } else if (kind == text_kind::absoluteClaim) {
        what = "Absolute claim shown";
    }
    return std::string(what) + ": " + std::string(text);
}

TextDetector::TextDetector(TextDetectorSettings settings)
    : settings_(std::move(settings)), reader_(settings_.ocr)
{
}

TextDetector::~TextDetector() = default;

std::vector<std::string> TextDetector::visibleLines() const
{
    std::vector<std::string> lines;
    for (const TrackedRegion& tracked : tracked_) {
        lines.insert(lines.end(), tracked.lines.begin(), tracked.lines.end());
    }
    return lines;
}

void TextDetector::readRegion(const cv::Mat& gray, double pictureToFrame, TrackedRegion& tracked)
{
    tracked.read = true;
    tracked.lines.clear();
    tracked.detections.clear();
    LineImage image = makeLineImage(gray, tracked.region, pictureToFrame, settings_.ocrLineHeight);
    if (image.gray.empty()) {
        return;
    }
    std::vector<OcrLine> lines = reader_.read(image.gray, TesseractReader::Layout::SingleLine);
    const auto confidenceOf = [](const std::vector<OcrLine>& read) {
        float best = 0;
        for (const OcrLine& line : read) {
            best = std::max(best, line.confidence);
        }
        return best;
    };
    // An unsure reading of real text gets a second look at a larger scale; the surer one is kept.
    if (settings_.secondLookLineHeight > 0 && !readsAsNoText(textsOf(lines)) &&
        confidenceOf(lines) < settings_.secondLookBelow) {
        LineImage larger =
            makeLineImage(gray, tracked.region, pictureToFrame, settings_.secondLookLineHeight);
        std::vector<OcrLine> again = reader_.read(larger.gray, TesseractReader::Layout::SingleLine);
        if (confidenceOf(again) > confidenceOf(lines)) {
            lines = std::move(again);
            image = std::move(larger);
        }
    }
    // Outlined text over a picture reads as nothing at all until its fills are cut out of the outline.
    if (readsAsNoText(textsOf(lines))) {
        LineImage fill = outlinedTextFill(image);
        if (!fill.gray.empty()) {
            std::vector<OcrLine> filled = reader_.read(fill.gray, TesseractReader::Layout::SingleLine);
            if (!readsAsNoText(textsOf(filled))) {
                lines = std::move(filled);
                image = std::move(fill);
            }
        }
    }
    for (OcrLine& line : lines) {
        if (image.vertical) {
            removeSpaces(line);
        }
        tracked.lines.push_back(line.text);
        for (const TextFinding& finding : classifyText(line.text, settings_.classifier)) {
            cv::Rect box;
            for (std::size_t byte = finding.begin; byte < finding.end && byte < line.byteBoxes.size();
                 ++byte) {
                box = box.empty() ? line.byteBoxes[byte] : (box | line.byteBoxes[byte]);
            }
            Detection detection;
            detection.detector = std::string(kId);
            detection.category = std::string(kCategory);
            detection.label = finding.kind;
            detection.confidence = line.confidence;
            detection.polygon = framePolygon(image, box);
            detection.text = finding.text;
            detection.detail = describeTextFinding(finding.kind, finding.text);
            tracked.detections.push_back(std::move(detection));
        }
    }
}

std::vector<Detection> TextDetector::detect(const Frame& frame)
{
    const auto runStart = std::chrono::steady_clock::now();
    lastRun_ = {};
    if (frame.empty()) {
        return {};
    }
    const cv::Mat gray = frame.gray();
    cv::Mat picture = gray;
    double pictureToFrame = 1;
    if (settings_.analysisWidth > 0 && gray.cols > settings_.analysisWidth) {
        pictureToFrame = static_cast<double>(gray.cols) / settings_.analysisWidth;
        cv::resize(gray, picture, cv::Size(), 1 / pictureToFrame, 1 / pictureToFrame, cv::INTER_AREA);
    }

    // Budget: stream time since the last run earns OCR time; a burst may spend what was saved.
    const double budgetRate = static_cast<double>(settings_.budgetPerSecond.count()) / 1000.0;
    if (!started_) {
        savedBudgetMs_ = budgetRate * static_cast<double>(std::max(settings_.cadence, Millis{1000}).count());
        started_ = true;
    } else if (frame.time() > lastTime_) {
        savedBudgetMs_ =
            std::min(savedBudgetMs_ + budgetRate * static_cast<double>((frame.time() - lastTime_).count()),
                     static_cast<double>(settings_.maxSavedBudget.count()));
    }
    lastTime_ = frame.time();

    const cv::Size grid((picture.cols + kCell - 1) / kCell, (picture.rows + kCell - 1) / kCell);
    if (emptyReadAt_.size() != grid) {
        emptyReadAt_ = cv::Mat(grid, CV_64F, cv::Scalar(-1e12));
    }
    // Regions that are still there and look the same keep what was read in them.
    std::vector<TrackedRegion> current;
    for (TextRegion& region : findTextRegions(picture, settings_.regions)) {
        TrackedRegion tracked;
        tracked.signature = signatureOf(picture, region);
        tracked.region = std::move(region);
        TrackedRegion* best = nullptr;
        double bestOverlap = 0.5;
        for (TrackedRegion& previous : tracked_) {
            const double ratio = overlapRatio(previous.region.bounds, tracked.region.bounds);
            if (ratio > bestOverlap && previous.region.vertical == tracked.region.vertical) {
                best = &previous;
                bestOverlap = ratio;
            }
        }
        if (best != nullptr && bestOverlap >= 0.7 && sameContent(best->signature, tracked.signature)) {
            current.push_back(std::move(*best));
            best->region.bounds = {};
            continue;
        }
        // Mostly over cells where regions read as no text a moment ago: a moving background.
        const cv::Rect cells = cellsOf(tracked.region.bounds, emptyReadAt_.size());
        if (!cells.empty()) {
            const double recent = static_cast<double>((frame.time() - settings_.emptyRegionRecheck).count());
            const int emptyCells = cv::countNonZero(emptyReadAt_(cells) > recent);
            if (emptyCells * 10 >= cells.area() * 7) {
                tracked.read = true;
                tracked.readAt = frame.time();
            }
        }
        current.push_back(std::move(tracked));
    }
    tracked_ = std::move(current);

    // New regions, the tallest text first (the most legible per millisecond).
    std::vector<TrackedRegion*> pending;
    for (TrackedRegion& tracked : tracked_) {
        if (!tracked.read) {
            pending.push_back(&tracked);
        }
    }
    std::stable_sort(pending.begin(), pending.end(), [](const TrackedRegion* a, const TrackedRegion* b) {
        return a->region.line.size.height > b->region.line.size.height;
    });
    const bool unlimited = settings_.budgetPerSecond.count() <= 0;
    for (TrackedRegion* tracked : pending) {
        if (!unlimited && savedBudgetMs_ <= 0) {
            ++lastRun_.pending;
            continue;
        }
        const auto readStart = std::chrono::steady_clock::now();
        readRegion(gray, pictureToFrame, *tracked);
        tracked->readAt = frame.time();
        if (readsAsNoText(tracked->lines)) {
            emptyReadAt_(cellsOf(tracked->region.bounds, grid))
                .setTo(static_cast<double>(frame.time().count()));
        }
        const double spent = millisSince(readStart);
        savedBudgetMs_ -= spent;
        lastRun_.ocrMs += spent;
        ++lastRun_.read;
    }

    std::vector<Detection> detections;
    for (const TrackedRegion& tracked : tracked_) {
        detections.insert(detections.end(), tracked.detections.begin(), tracked.detections.end());
    }
    lastRun_.regions = static_cast<int>(tracked_.size());
    lastRun_.totalMs = millisSince(runStart);
    return detections;
}

} // namespace cg

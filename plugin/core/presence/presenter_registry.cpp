#include "core/presence/presenter_registry.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <regex>
#include <stdexcept>

namespace cg {

namespace {

constexpr const char* kSamplePrefix = "cg-presenter-";
constexpr int kFindingWidth = 640;

bool validPresenterId(const std::string& presenter)
{
    static const std::regex allowed("[A-Za-z0-9_-]{1,64}");
    return std::regex_match(presenter, allowed);
}

// cg-presenter-<id>-<NNN>.png -> <id>, or empty when the name is not one of ours.
std::string presenterOfSample(const std::filesystem::path& file)
{
    static const std::regex pattern("cg-presenter-([A-Za-z0-9_-]{1,64})-[0-9]{3}\\.png");
    std::smatch match;
    const std::string name = file.filename().string();
    return std::regex_match(name, match, pattern) ? match[1].str() : std::string();
}

std::filesystem::path samplePath(const std::filesystem::path& folder, const std::string& presenter, int index)
{
    char number[8];
    std::snprintf(number, sizeof number, "%03d", index);
    return folder / (kSamplePrefix + presenter + "-" + number + ".png");
}

// The dominant frontal face of a frame, in the frame's own coordinates.
std::optional<cv::Rect> dominantFaceOf(FaceFinder& finder, const cv::Mat& gray)
{
    const auto faces = finder.frontalReduced(gray, kFindingWidth);
    if (faces.empty())
        return std::nullopt;
    return dominantFace(faces)->box;
}

} // namespace

PresenterRegistry::PresenterRegistry(PresenterRegistrySettings settings)
    : settings_(std::move(settings)), aligner_(settings_.landmarkModel)
{
    if (settings_.folder.empty())
        throw std::runtime_error("PresenterRegistry: no folder for the enrolled faces");
    std::lock_guard lock(mutex_);
    load();
}

PresenterRegistry::~PresenterRegistry() = default;

void PresenterRegistry::load()
{
    presenters_.clear();
    chips_.clear();
    std::error_code error;
    if (!std::filesystem::is_directory(settings_.folder, error)) {
        retrain();
        return;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(settings_.folder, error))
        if (!presenterOfSample(entry.path()).empty())
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        const cv::Mat chip = cv::imread(file.string(), cv::IMREAD_GRAYSCALE);
        if (chip.rows != FaceAligner::kChipSize || chip.cols != FaceAligner::kChipSize)
            continue; // not a chip this version wrote; left alone
        const std::string presenter = presenterOfSample(file);
        auto known = std::find(presenters_.begin(), presenters_.end(), presenter);
        if (known == presenters_.end()) {
            presenters_.push_back(presenter);
            chips_.emplace_back();
            known = presenters_.end() - 1;
        }
        chips_[static_cast<std::size_t>(known - presenters_.begin())].push_back(chip);
    }
    retrain();
}

void PresenterRegistry::retrain()
{
    model_.reset();
    std::vector<cv::Mat> images;
    std::vector<int> labels;
    for (std::size_t label = 0; label < chips_.size(); ++label) {
        for (const cv::Mat& chip : chips_[label]) {
            // The mirrored chip too: the presenter's face turned slightly the other way looks like it.
            cv::Mat mirrored;
            cv::flip(chip, mirrored, 1);
            images.push_back(chip);
            images.push_back(mirrored);
            labels.insert(labels.end(), 2, static_cast<int>(label));
        }
    }
    if (images.empty())
        return;
    model_ = cv::face::LBPHFaceRecognizer::create(1, 8, 8, 8);
    model_->train(images, labels);
}

std::optional<cv::Mat> PresenterRegistry::sampleOf(const cv::Mat& gray, const cv::Rect& face) const
{
    if (std::min(face.width, face.height) < settings_.minFacePx)
        return std::nullopt;
    return aligner_.align(gray, face);
}

PresenterRegistry::EnrolmentResult PresenterRegistry::enrol(const std::vector<Frame>& frames,
                                                            const std::string& presenter)
{
    if (!validPresenterId(presenter))
        throw std::invalid_argument("PresenterRegistry::enrol: bad presenter id '" + presenter + "'");
    EnrolmentResult result;
    FaceFinder finder(settings_.faceFinder); // one per call: cascades are not shared across threads
    std::vector<cv::Mat> chips;
    for (const Frame& frame : frames) {
        if (frame.empty())
            continue;
        ++result.framesSeen;
        const cv::Mat gray = frame.gray();
        if (const auto face = dominantFaceOf(finder, gray))
            if (auto chip = sampleOf(gray, *face))
                chips.push_back(std::move(*chip));
    }
    if (static_cast<int>(chips.size()) < settings_.minSamples)
        return result;
    if (static_cast<int>(chips.size()) > settings_.maxSamples) {
        std::vector<cv::Mat> spread;
        for (int i = 0; i < settings_.maxSamples; ++i)
            spread.push_back(chips[chips.size() * static_cast<std::size_t>(i) /
                                   static_cast<std::size_t>(settings_.maxSamples)]);
        chips = std::move(spread);
    }

    std::lock_guard lock(mutex_);
    std::filesystem::create_directories(settings_.folder);
    for (const auto& old : samplesOf(presenter))
        std::filesystem::remove(old);
    for (std::size_t i = 0; i < chips.size(); ++i)
        if (!cv::imwrite(samplePath(settings_.folder, presenter, static_cast<int>(i)).string(), chips[i]))
            throw std::runtime_error("cannot write a face sample into " + settings_.folder.string());
    load();
    result.samplesStored = static_cast<int>(chips.size());
    result.enrolled = true;
    return result;
}

std::vector<std::filesystem::path> PresenterRegistry::samplesOf(const std::string& presenter) const
{
    std::vector<std::filesystem::path> files;
    std::error_code error;
    if (!std::filesystem::is_directory(settings_.folder, error))
        return files;
    for (const auto& entry : std::filesystem::directory_iterator(settings_.folder, error)) {
        const std::string owner = presenterOfSample(entry.path());
        if (!owner.empty() && (presenter.empty() || owner == presenter))
            files.push_back(entry.path());
    }
    return files;
}

void PresenterRegistry::forget(const std::string& presenter)
{
    std::lock_guard lock(mutex_);
    for (const auto& file : samplesOf(presenter))
        std::filesystem::remove(file);
    load();
}

void PresenterRegistry::forgetAll()
{
    std::lock_guard lock(mutex_);
    for (const auto& file : samplesOf(""))
        std::filesystem::remove(file);
    std::error_code error;
    std::filesystem::remove(settings_.folder, error); // only succeeds when nothing else is in it
    load();
}

bool PresenterRegistry::anyEnrolled() const
{
    std::lock_guard lock(mutex_);
    return model_ != nullptr;
}

std::vector<std::string> PresenterRegistry::presenters() const
{
    std::lock_guard lock(mutex_);
    return presenters_;
}

int PresenterRegistry::sampleCount() const
{
    std::lock_guard lock(mutex_);
    std::size_t count = 0;
    for (const auto& chips : chips_)
        count += chips.size();
    return static_cast<int>(count);
}

std::vector<PresenterRegistry::FaceMatch> PresenterRegistry::match(const cv::Mat& gray,
                                                                   const std::vector<cv::Rect>& faces) const
{
    std::vector<FaceMatch> matches;
    for (const cv::Rect& face : faces) {
        FaceMatch match;
        match.face = face;
        const auto chip = sampleOf(gray, face);
        std::lock_guard lock(mutex_);
        if (chip && model_) {
            int label = -1;
            model_->predict(*chip, label, match.distance);
            match.judged = label >= 0;
            if (match.judged) {
                match.presenter = presenters_[static_cast<std::size_t>(label)];
                match.registered = match.distance < settings_.matchDistance;
            }
        }
        matches.push_back(std::move(match));
    }
    return matches;
}

} // namespace cg

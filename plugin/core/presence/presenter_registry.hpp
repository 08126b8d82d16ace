#pragma once

#include "core/frame.hpp"
#include "core/presence/face_alignment.hpp"
#include "core/presence/face_finder.hpp"

#include <opencv2/core/mat.hpp>
#include <opencv2/face.hpp>

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace cg {

struct PresenterRegistrySettings {
    // Where the enrolled face samples live; only this registry's files are written there. The samples
    // never go into the compliance record.
    std::filesystem::path folder;
    std::string landmarkModel = kDefaultLandmarkModel;
    FaceFinderSettings faceFinder;
    // Faces smaller than this (px, in the picture handed in) are not enrolled or judged: below it
    // the aligned chip is mostly blur.
    int minFacePx = 60;
    int minSamples = 3;  // an enrolment with fewer usable frames fails
    int maxSamples = 30; // at most this many chips per presenter are kept
    // LBPH chi-square distance under which a face counts as an enrolled presenter (README.md: how it
    // was measured and how far to trust it).
    double matchDistance = 100;
};

// "This is me": face samples of the registered presenters, taken from a few seconds of frames, kept as
// aligned gray chips (PNG) in one folder, and an LBPH model over them to tell a registered presenter
// from someone else. Thread-safe: the UI may enrol or forget while the worker matches.
class PresenterRegistry {
  public:
    // Loads what an earlier session enrolled in settings.folder, if anything. Throws
    // std::runtime_error when the landmark model or the cascades cannot be loaded.
    explicit PresenterRegistry(PresenterRegistrySettings settings);
    ~PresenterRegistry();
    PresenterRegistry(const PresenterRegistry&) = delete;
    PresenterRegistry& operator=(const PresenterRegistry&) = delete;

    struct EnrolmentResult {
        int framesSeen = 0;
        int samplesStored = 0; // 0 when it failed
        bool enrolled = false;
    };
    // Replaces the samples of `presenter` (letters, digits, '-' and '_') with the dominant frontal face of
    // each frame; fails, keeping the earlier samples, when fewer than minSamples frames held one.
    EnrolmentResult enrol(const std::vector<Frame>& frames, const std::string& presenter = "presenter");
    // Deletes the samples of one presenter, or of all (and the folder itself when nothing else is in it).
    void forget(const std::string& presenter);
    void forgetAll();

    [[nodiscard]] bool anyEnrolled() const;
    [[nodiscard]] std::vector<std::string> presenters() const;
    [[nodiscard]] int sampleCount() const;

    struct FaceMatch {
        cv::Rect face;
        bool judged = false; // false: too small or not frontal enough to tell
        bool registered = false;
        std::string presenter; // the nearest enrolled presenter
        double distance = 0;
    };
    // Judges each face (boxes in `gray`'s coordinates) against the enrolled presenters.
    [[nodiscard]] std::vector<FaceMatch> match(const cv::Mat& gray, const std::vector<cv::Rect>& faces) const;

    // The aligned chip this registry would store or judge for `face`, when it is usable.
    [[nodiscard]] std::optional<cv::Mat> sampleOf(const cv::Mat& gray, const cv::Rect& face) const;

    [[nodiscard]] const PresenterRegistrySettings& settings() const { return settings_; }

  private:
    void load();
    void retrain();
    [[nodiscard]] std::vector<std::filesystem::path> samplesOf(const std::string& presenter) const;

    PresenterRegistrySettings settings_;
    FaceAligner aligner_;
    mutable std::mutex mutex_; // guards everything below and the files
    std::vector<std::string> presenters_;
    std::vector<std::vector<cv::Mat>> chips_; // per presenter
    cv::Ptr<cv::face::LBPHFaceRecognizer> model_;
};

} // namespace cg

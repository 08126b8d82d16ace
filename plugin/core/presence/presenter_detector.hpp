#pragma once

#include "core/detector.hpp"
#include "core/presence/face_finder.hpp"
#include "core/presence/presence_evidence.hpp"
#include "core/presence/presence_memory.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

class PresenterRegistry;

struct PresenterDetectorSettings {
    // Measured on the talking clip (tests/corpus): one run a second judged 2 of 10 samples absent (the
    // first two, before the presenter's face was found), one every 500 ms 1 of 19; a run costs about
    // 10 ms at 1280x720, so 500 ms is about 2 % of a core.
    Millis cadence{500};
    // Frames are reduced to this width before any search (OBS hands in full-size luma).
    int analysisWidth = 640;
    FaceFinderSettings faceFinder;
    PresenceMemorySettings memory;
    // Motion near the presenter: pixels whose gray level changed by more than motionLevelChange
    // between two runs, as a share of the neighbourhood, at least motionShare.
    int motionLevelChange = 20;
    double motionShare = 0.03;
    // While no presenter is remembered, also look for faces in profile over the whole frame (a
    // presenter who comes on looking sideways). Off: on the corpus it found nothing the frontal search
    // missed, and it doubles the cost of a run in an empty room. Near a remembered presenter profiles
    // are always looked for.
    bool searchProfilesWhileAbsent = false;
    // The last-seen head found again by its look with at least this normalised correlation.
    double trackingScore = 0.6;
    // With someone enrolled, faces that match none of the enrolled presenters are reported as
    // "unregistered_presenter". Shared with the UI, which enrols and forgets.
    std::shared_ptr<const PresenterRegistry> registry;
    // Or, when set, asked on every run (the registry appears when someone first enrols).
    std::function<std::shared_ptr<const PresenterRegistry>()> registrySource;
    // One face judged is a weak vote (README.md: the enrolled presenter matches in about one run in
    // three): strangers are reported only after faces went this long without any match, and a match
    // in that time clears them.
    Millis unregisteredAfter{10000};
};

// Whether a presenter is presenting: a frontal face anywhere makes them present; after that, a
// profile face, their head found again by its look, or motion around where they were keep them
// present through head turns and looks away for up to memory.evidenceHold; absence needs several runs
// without any of these (PresenceMemory). Reports one "person" detection per run while present and
// none while absent, plus "unregistered_presenter" when only faces of unregistered people are seen.
class PresenterDetector final : public Detector {
  public:
    static constexpr std::string_view kId = "presenter";
    static constexpr std::string_view kPersonCategory = "person";
    static constexpr std::string_view kUnregisteredCategory = "unregistered_presenter";

    // Throws std::runtime_error when the face cascades cannot be loaded.
    explicit PresenterDetector(PresenterDetectorSettings settings = {});

    [[nodiscard]] std::string_view id() const override { return kId; }
    [[nodiscard]] std::vector<std::string> categories() const override;
    [[nodiscard]] Millis cadence() const override { return settings_.cadence; }
    std::vector<Detection> detect(const Frame& frame) override;

    // The judgement of the last run (for the CLI's per-frame "presenter": true|false).
    [[nodiscard]] bool present() const { return memory_.last().present; }
    [[nodiscard]] const PresenceJudgement& lastJudgement() const { return memory_.last(); }
    [[nodiscard]] const PresenterDetectorSettings& settings() const { return settings_; }

  private:
    struct Cue {
        PresenceCue kind = PresenceCue::None;
        cv::Rect2f box;
    };
    Cue findCue(const cv::Mat& gray, Millis time, const std::vector<FoundFace>& faces);
    std::vector<Detection> unregisteredFaces(const cv::Mat& frameGray, const std::vector<FoundFace>& faces,
                                             double toFrame, Millis time);

    PresenterDetectorSettings settings_;
    FaceFinder finder_;
    PresenceMemory memory_;
    HeadTemplate head_;
    cv::Mat previousGray_;
    std::optional<Millis> unmatchedSince_; // faces judged, none an enrolled presenter, since then
    std::optional<Millis> lastJudgedAt_;
};

} // namespace cg

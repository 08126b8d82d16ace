#pragma once

#include "core/analyzer.hpp"
#include "core/audio_level.hpp"
#include "core/clock.hpp"
#include "core/compliance_session.hpp"
#include "core/guard_status.hpp"
#include "core/presence/enrolment_session.hpp"
#include "core/record/signing_key.hpp"
#include "core/rules/rule_pack.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>

namespace cg::obs {

// What the guard applies to every watched scene; stored in the plugin's config folder.
struct GuardSettings {
    std::string packId = "alibaba";
    std::filesystem::path recordDir; // empty: <plugin config>/records
    bool rehearsal = false;          // analyse watched scenes even when they are not on air
    double silenceThresholdDb = -50.0;
    double speechLevelDb =
        SpeechSettings{}.levelDb; // program audio this loud, in bursts, is someone speaking

    bool operator==(const GuardSettings&) const = default;
};

enum class SessionKind { Rehearsal, Stream, Recording };
std::string_view toString(SessionKind kind);

// Where findings from every filter meet: the current session (findings + record), the rule pack,
// the program audio level, and the status the dock and obs-websocket read. Results arrive on the
// analyzers' worker threads, frontend events on the UI thread, audio on the audio thread; a ticker
// thread escalates findings, measures silence and publishes the status once a second.
class GuardService {
  public:
    // Receives every status and finding change as JSON, outside the service's lock.
    struct Publisher {
        std::function<void(const nlohmann::json&)> statusChanged;
        std::function<void(const nlohmann::json&)> findingChanged;
        std::function<void(const nlohmann::json&)> alert;
        std::function<void(const nlohmann::json&)> sessionChanged;
    };

    GuardService(std::filesystem::path rulesDir, std::filesystem::path configDir, Publisher publisher);
    ~GuardService();
    GuardService(const GuardService&) = delete;
    GuardService& operator=(const GuardService&) = delete;

    void start();
    // Closes the session cleanly (session_end) and stops the ticker. Idempotent.
    void stop(const std::string& reason);

    [[nodiscard]] GuardSettings settings() const;
    void applySettings(const GuardSettings& settings);
    [[nodiscard]] std::vector<std::pair<std::string, LocalizedText>> availablePacks() const;
    // The rule pack in force (a copy: the filters build their detectors from its word lists).
    [[nodiscard]] RulePack pack() const;

    // From the filters.
    void onResult(const AnalysisResult& result);
    void setWatching(const void* filter, bool onAir, const std::vector<std::string>& categories);
    [[nodiscard]] AudioLevelMeter& audioMeter() { return audio_; }
    [[nodiscard]] const Clock& clock() const { return pluginClock_; }

    // From the frontend.
    void setOutputs(bool streaming, bool recording, const std::string& recordingFile);
    void noteSceneChange(const std::string& programScene);
    void noteWatchedScenes(const std::vector<std::string>& watched);
    void acknowledge(const std::string& how);
    // "This is me": the next seconds of analysed frames enrol the face in them; and forgetting it.
    void enrolPresenter();
    void forgetPresenters();
    // What the presenter detectors match faces against; null while nobody is enrolled.
    [[nodiscard]] std::shared_ptr<const PresenterRegistry> presenterRegistry() const;
    // A problem the streamer must know about (a detector that could not start): shown in the dock,
    // written to the record. Each message once.
    void reportError(const std::string& message);

    [[nodiscard]] nlohmann::json status() const;
    [[nodiscard]] nlohmann::json sessionJson() const;
    [[nodiscard]] nlohmann::json findingsJson() const;
    void publishStatus();

    // Scenes for the status: provided by the OBS glue (libobs scene list), called on the ticker.
    std::function<nlohmann::json()> scenesProvider;
    // Results measured from the program output (camera layout, dropped frames): provided by the OBS
    // glue, called on the ticker once a second outside the service's lock, fed like silence.
    std::function<std::vector<AnalysisResult>()> programChecksProvider;
    // Called (outside the service's lock, on the caller of applySettings) after another rule pack
    // came into force: the filters restart their detectors with its word lists and allowed logos.
    std::function<void()> packChanged;

  private:
    struct Session {
        SessionKind kind = SessionKind::Rehearsal;
        SteadyClock clock;
        std::filesystem::path dir;
        std::int64_t startedUtc = 0;
        std::string recordingFile;
        std::string error;
        std::unique_ptr<ComplianceSession> compliance;
    };

    void tickerLoop();
    bool ensureSessionLocked(); // false once stopped
    void openSessionLocked(SessionKind kind);
    void closeSessionLocked(const std::string& reason);
    void handleEventsLocked(const std::vector<FindingEvent>& events, std::vector<nlohmann::json>& findingOut,
                            std::vector<nlohmann::json>& alertsOut);
    void publish(const std::vector<nlohmann::json>& findings, const std::vector<nlohmann::json>& alerts);
    bool loadPackLocked(const std::string& packId);
    [[nodiscard]] std::filesystem::path recordDirLocked() const;
    [[nodiscard]] nlohmann::json sessionJsonLocked() const;
    [[nodiscard]] nlohmann::json previousUnclosedSession(const std::filesystem::path& recordDir) const;
    void saveSettingsLocked() const;
    void loadSigningKeyLocked();
    void onEvidenceWritten(const std::string& ruleId, const std::filesystem::path& file);
    void attachEvidenceLocked() const;

    const std::filesystem::path rulesDir_;
    const std::filesystem::path configDir_;
    Publisher publisher_;
    SteadyClock pluginClock_;
    AudioLevelMeter audio_;

    mutable std::mutex mutex_;
    GuardSettings settings_;
    RulePack pack_;
    std::vector<std::string> watchedScenes_;       // the last list noted, for the next session's first line
    std::shared_ptr<const SigningKey> signingKey_; // null: records are written unsigned
    std::string packError_;
    std::unique_ptr<Session> session_;
    mutable std::deque<RecentFinding> recent_; // evidence paths are attached when status is read
    mutable std::mutex evidenceMutex_;
    mutable std::deque<std::pair<std::string, std::string>> evidenceWritten_;
    std::set<const void*> filtersOnAir_;
    bool streaming_ = false;
    bool recording_ = false;
    std::string recordingFile_;
    std::string programScene_;
    bool acknowledged_ = false;
    bool stopped_ = false;
    std::vector<std::string> errors_;
    Millis lastHeartbeat_{0};

    std::mutex tickerMutex_;
    std::condition_variable tickerWake_;
    bool stopping_ = false;
    std::thread ticker_;

    // Last, so that it stops before anything its thread reports to.
    std::unique_ptr<EnrolmentSession> enrolment_;
};

} // namespace cg::obs

#include "obs/guard_service.hpp"

#include "core/finding_json.hpp"
#include "core/record/record_error.hpp"
#include "core/record/record_verifier.hpp"
#include "core/rules/rule_pack_loader.hpp"
#include "obs/filter_registry.hpp"
#include "obs/plugin_log.hpp"

#include <algorithm>
#include <fstream>

namespace cg::obs {

namespace {

constexpr std::size_t maxRecent = 20;
constexpr Millis heartbeatInterval{60000};
constexpr auto tickInterval = std::chrono::seconds(1);

nlohmann::json settingsJson(const GuardSettings& settings)
{
    return {{"pack", settings.packId},
            {"record_dir", settings.recordDir.string()},
            {"rehearsal", settings.rehearsal},
            {"silence_threshold_db", settings.silenceThresholdDb},
            {"speech_level_db", settings.speechLevelDb}};
}

} // namespace

std::string_view toString(SessionKind kind)
{
    switch (kind) {
    case SessionKind::Stream:
        return "stream";
    case SessionKind::Recording:
        return "recording";
    case SessionKind::Rehearsal:
        return "rehearsal";
    }
    return "rehearsal";
}

GuardService::GuardService(std::filesystem::path rulesDir, std::filesystem::path configDir,
                           Publisher publisher)
    : rulesDir_(std::move(rulesDir)), configDir_(std::move(configDir)), publisher_(std::move(publisher))
{
    std::lock_guard lock(mutex_);
    std::ifstream stored(configDir_ / "settings.json");
    if (stored) {
        try {
            const nlohmann::json json = nlohmann::json::parse(stored);
            settings_.packId = json.value("pack", settings_.packId);
            settings_.recordDir = json.value("record_dir", std::string());
            settings_.rehearsal = json.value("rehearsal", false);
            settings_.silenceThresholdDb = json.value("silence_threshold_db", settings_.silenceThresholdDb);
            settings_.speechLevelDb = json.value("speech_level_db", settings_.speechLevelDb);
        } catch (const std::exception& error) {
            const std::string message = (configDir_ / "settings.json").string() + ": " + error.what();
            errors_.push_back(message);
            log(LOG_WARNING, "%s (defaults used)", message.c_str());
        }
    }
    if (!loadPackLocked(settings_.packId) && settings_.packId != "generic-strict")
        loadPackLocked("generic-strict"); // a guard without any pack would watch nothing
    audio_.setSpeechLevel(settings_.speechLevelDb);
    loadSigningKeyLocked();
    enrolment_ = std::make_unique<EnrolmentSession>(EnrolmentSession::Settings{configDir_ / "presenters"},
                                                    [this] { publishStatus(); });
}

// This installation's record signing key, made on first use. Without it records are still written
// and hash-chained, only unsigned, and the dock says why.
void GuardService::loadSigningKeyLocked()
{
    try {
        signingKey_ = std::make_shared<const SigningKey>(SigningKey::loadOrCreate(configDir_));
        log(LOG_INFO, "record signing key %s: %s", signingKey_->createdNow() ? "created" : "loaded",
            signingKey_->fingerprint().c_str());
    } catch (const std::exception& error) {
        const std::string message = std::string("records will not be signed: ") + error.what();
        errors_.push_back(message);
        log(LOG_ERROR, "%s", message.c_str());
    }
}

GuardService::~GuardService()
{
    stop("plugin unloaded");
}

void GuardService::start()
{
    {
        std::lock_guard lock(tickerMutex_);
        if (ticker_.joinable())
            return;
        stopping_ = false;
    }
    ticker_ = std::thread([this] { tickerLoop(); });
    enrolment_->loadSaved();
}

void GuardService::stop(const std::string& reason)
{
    {
        std::lock_guard lock(tickerMutex_);
        stopping_ = true;
    }
    tickerWake_.notify_all();
    if (ticker_.joinable())
        ticker_.join();
    std::lock_guard lock(mutex_);
    stopped_ = true; // results still in flight from the filters open no new session
    closeSessionLocked(reason);
}

GuardSettings GuardService::settings() const
{
    std::lock_guard lock(mutex_);
    return settings_;
}

void GuardService::applySettings(const GuardSettings& settings)
{
    bool newPack = false;
    {
        std::lock_guard lock(mutex_);
        if (settings == settings_)
            return;
        const GuardSettings previous = settings_;
        settings_ = settings;
        audio_.setSpeechLevel(settings.speechLevelDb);
        if (settings.packId != previous.packId) {
            // A bad pack is reported and the previous good one stays in force.
            if (!loadPackLocked(settings.packId)) {
                if (session_)
                    session_->compliance->note("error", {{"message", packError_}, {"kept_pack", pack_.id}});
                settings_.packId = pack_.id; // the previous good pack stays in force
            } else {
                newPack = true;
                if (session_) {
                    const SessionKind kind = session_->kind;
                    closeSessionLocked("rule pack changed");
                    openSessionLocked(kind);
                }
            }
        }
        if (settings.recordDir != previous.recordDir && session_) {
            const SessionKind kind = session_->kind;
            closeSessionLocked("record folder changed");
            openSessionLocked(kind);
        }
        if (session_ && session_->compliance)
            session_->compliance->note("settings_changed", settingsJson(settings_));
        saveSettingsLocked();
    }
    if (newPack && packChanged)
        packChanged();
    publishStatus();
}

std::vector<std::pair<std::string, LocalizedText>> GuardService::availablePacks() const
{
    std::vector<std::pair<std::string, LocalizedText>> packs;
    try {
        for (const std::filesystem::path& file : listRulePackFiles(rulesDir_)) {
            try {
                const RulePack pack = loadRulePack(file);
                packs.emplace_back(pack.id, pack.name);
            } catch (const RulePackError& error) {
                log(LOG_WARNING, "%s", error.what());
            }
        }
    } catch (const std::exception& error) {
        log(LOG_WARNING, "%s", error.what());
    }
    return packs;
}

RulePack GuardService::pack() const
{
    std::lock_guard lock(mutex_);
    return pack_;
}

bool GuardService::loadPackLocked(const std::string& packId)
{
    try {
        pack_ = loadRulePack(findRulePack(rulesDir_, packId));
        packError_.clear();
        log(LOG_INFO, "rule pack '%s' loaded (%zu rules)", pack_.id.c_str(), pack_.rules.size());
        return true;
    } catch (const std::exception& error) {
        packError_ = error.what();
        log(LOG_ERROR, "rule pack not loaded: %s", packError_.c_str());
        return false;
    }
}

void GuardService::onResult(const AnalysisResult& result)
{
    enrolment_->offer(result.frame);
    std::vector<nlohmann::json> findings, alerts;
    {
        std::lock_guard lock(mutex_);
        if (!ensureSessionLocked())
            return;
        handleEventsLocked(session_->compliance->onResult(result), findings, alerts);
    }
    publish(findings, alerts);
}

void GuardService::setWatching(const void* filter, bool onAir, const std::vector<std::string>& categories)
{
    std::vector<nlohmann::json> findings, alerts;
    {
        std::lock_guard lock(mutex_);
        const bool changed = onAir ? filtersOnAir_.insert(filter).second : filtersOnAir_.erase(filter) > 0;
        if (!changed || !ensureSessionLocked())
            return;
        if (!onAir) {
            // What that scene showed is no longer on air: its findings end now.
            std::vector<FindingEvent> events = session_->compliance->stopWatching(categories);
            handleEventsLocked(events, findings, alerts);
        }
    }
    publish(findings, alerts);
    publishStatus();
}

void GuardService::setOutputs(bool streaming, bool recording, const std::string& recordingFile)
{
    {
        std::lock_guard lock(mutex_);
        const bool recordingStarted = recording && !recording_;
        const bool recordingStopped = !recording && recording_;
        streaming_ = streaming;
        recording_ = recording;
        if (!recordingFile.empty())
            recordingFile_ = recordingFile;
        const SessionKind wanted = streaming   ? SessionKind::Stream
                                   : recording ? SessionKind::Recording
                                               : SessionKind::Rehearsal;
        if (!stopped_ && session_ && session_->kind != wanted) {
            // A recording that starts during a stream stays in the stream's session.
            closeSessionLocked(std::string("now ") + std::string(toString(wanted)));
            openSessionLocked(wanted);
        }
        if (ensureSessionLocked() && (recordingStarted || recordingStopped)) {
            session_->recordingFile = recordingFile_;
            session_->compliance->note(recordingStarted ? "recording_started" : "recording_stopped",
                                       {{"file", recordingFile_}});
        }
        if (recordingStopped)
            recordingFile_.clear();
    }
    if (publisher_.sessionChanged)
        publisher_.sessionChanged(sessionJson());
    publishStatus();
}

void GuardService::noteSceneChange(const std::string& programScene)
{
    std::lock_guard lock(mutex_);
    if (programScene == programScene_)
        return;
    programScene_ = programScene;
    if (ensureSessionLocked())
        session_->compliance->note("scene_change", {{"program", programScene}});
}

void GuardService::noteWatchedScenes(const std::vector<std::string>& watched)
{
    std::lock_guard lock(mutex_);
    watchedScenes_ = watched;
    if (ensureSessionLocked())
        session_->compliance->note("settings_changed", {{"watched_scenes", watched}});
}

void GuardService::acknowledge(const std::string& how)
{
    {
        std::lock_guard lock(mutex_);
        acknowledged_ = true;
        if (ensureSessionLocked())
            session_->compliance->note(
                "acknowledged",
                {{"by", how}, {"state", toString(worstOpenState(session_->compliance->tracker()))}});
    }
    publishStatus();
}

void GuardService::enrolPresenter()
{
    enrolment_->begin();
    std::lock_guard lock(mutex_);
    if (ensureSessionLocked())
        session_->compliance->note("settings_changed", {{"presenter_enrolment", "started"}});
}

void GuardService::forgetPresenters()
{
    enrolment_->forgetAll();
    std::lock_guard lock(mutex_);
    if (ensureSessionLocked())
        session_->compliance->note("settings_changed", {{"presenter_enrolment", "forgotten"}});
}

std::shared_ptr<const PresenterRegistry> GuardService::presenterRegistry() const
{
    return enrolment_->registry();
}

void GuardService::reportError(const std::string& message)
{
    {
        std::lock_guard lock(mutex_);
        if (std::find(errors_.begin(), errors_.end(), message) != errors_.end())
            return;
        errors_.push_back(message);
        if (ensureSessionLocked())
            session_->compliance->note("error", {{"message", message}});
    }
    publishStatus();
}

void GuardService::tickerLoop()
{
    for (;;) {
        {
            std::unique_lock lock(tickerMutex_);
            if (tickerWake_.wait_for(lock, tickInterval, [this] { return stopping_; }))
                return;
        }
        for (const FilterRegistry::OnAir& state : registry().onAirStates(settings().rehearsal, true))
            setWatching(state.filter, state.onAir, state.categories);
        const std::vector<AnalysisResult> programResults =
            programChecksProvider ? programChecksProvider() : std::vector<AnalysisResult>{};
        std::vector<nlohmann::json> findings, alerts;
        {
            std::lock_guard lock(mutex_);
            if (!ensureSessionLocked())
                return;
            ComplianceSession& compliance = *session_->compliance;
            const AudioLevelMeter::Window window = audio_.takeWindow();
            if (!filtersOnAir_.empty() || settings_.rehearsal) {
                handleEventsLocked(compliance.onResult(silenceResult(window, {settings_.silenceThresholdDb})),
                                   findings, alerts);
                handleEventsLocked(compliance.onResult(speechResult(window, {settings_.speechLevelDb})),
                                   findings, alerts);
            }
            for (const AnalysisResult& result : programResults)
                handleEventsLocked(compliance.onResult(result), findings, alerts);
            handleEventsLocked(compliance.tick(), findings, alerts);
            const Millis now = session_->clock.now();
            if (now - lastHeartbeat_ >= heartbeatInterval) {
                lastHeartbeat_ = now;
                compliance.note("heartbeat", {{"state", toString(worstOpenState(compliance.tracker()))},
                                              {"audio_db", window.rmsDb},
                                              {"on_air", !filtersOnAir_.empty()}});
            }
        }
        publish(findings, alerts);
        publishStatus();
    }
}

bool GuardService::ensureSessionLocked()
{
    if (!session_ && !stopped_)
        openSessionLocked(streaming_   ? SessionKind::Stream
                          : recording_ ? SessionKind::Recording
                                       : SessionKind::Rehearsal);
    return session_ != nullptr;
}

std::filesystem::path GuardService::recordDirLocked() const
{
    return settings_.recordDir.empty() ? configDir_ / "records" : settings_.recordDir;
}

void GuardService::openSessionLocked(SessionKind kind)
{
    auto session = std::make_unique<Session>();
    session->kind = kind;
    session->startedUtc = session->clock.utcMillis();
    session->recordingFile = recording_ ? recordingFile_ : std::string();
    const std::filesystem::path recordDir = recordDirLocked();
    nlohmann::json start{{"kind", toString(kind)},
                         {"settings", settingsJson(settings_)},
                         {"obs_version", obs_get_version_string()},
                         {"program_scene", programScene_},
                         {"watched_scenes", watchedScenes_}};
    if (!session->recordingFile.empty())
        start["recording_file"] = session->recordingFile;
    if (nlohmann::json previous = previousUnclosedSession(recordDir); !previous.is_null()) {
        start["previous_session_unclosed"] = previous;
        errors_.push_back("previous session did not end cleanly: " + previous.value("dir", std::string()));
    }
    std::unique_ptr<RecordWriter> writer;
    try {
        std::filesystem::create_directories(recordDir);
        session->dir = RecordWriter::newSessionFolder(recordDir, session->startedUtc, toString(kind));
        RecordWriterOptions options;
        options.signingKey = signingKey_;
        options.onEvidenceWritten = [this](const std::string& label, const std::filesystem::path& file) {
            onEvidenceWritten(label, file);
        };
        writer = std::make_unique<RecordWriter>(
            session->dir, session->clock,
            [](const std::string& message) { log(LOG_ERROR, "record: %s", message.c_str()); }, options);
    } catch (const std::exception& error) {
        // Analysis and warnings go on without a record; the dock says why there is none.
        session->error = error.what();
        session->dir.clear();
        log(LOG_ERROR, "no compliance record for this session: %s", error.what());
    }
    session->compliance =
        std::make_unique<ComplianceSession>(pack_, session->clock, std::move(writer), start);
    log(LOG_INFO, "%s session started%s%s", std::string(toString(kind)).c_str(),
        session->dir.empty() ? "" : ", record: ", session->dir.string().c_str());
    session_ = std::move(session);
    lastHeartbeat_ = Millis{0};
    acknowledged_ = false;
}

void GuardService::closeSessionLocked(const std::string& reason)
{
    if (!session_)
        return;
    session_->compliance->close({{"reason", reason}});
    log(LOG_INFO, "%s session ended (%s)", std::string(toString(session_->kind)).c_str(), reason.c_str());
    session_.reset();
    recent_.clear();
    std::lock_guard lock(evidenceMutex_); // the writer has stopped: no callback can still come
    evidenceWritten_.clear();
}

nlohmann::json GuardService::previousUnclosedSession(const std::filesystem::path& recordDir) const
{
    std::error_code error;
    std::filesystem::path newest;
    for (const auto& entry : std::filesystem::directory_iterator(recordDir, error))
        if (entry.is_directory() && std::filesystem::exists(entry.path() / "session.jsonl") &&
            entry.path().filename() > newest.filename())
            newest = entry.path();
    if (newest.empty())
        return nullptr;
    const VerifyReport report = verifyRecord(newest);
    if (report.status != RecordStatus::Incomplete)
        return nullptr;
    return {{"dir", newest.string()}, {"lines_verified", report.linesChecked}, {"message", report.message}};
}

void GuardService::handleEventsLocked(const std::vector<FindingEvent>& events,
                                      std::vector<nlohmann::json>& findingOut,
                                      std::vector<nlohmann::json>& alertsOut)
{
    const ComplianceSession& compliance = *session_->compliance;
    for (const FindingEvent& event : events) {
        const Rule* rule = compliance.tracker().pack().findRule(event.finding.ruleId);
        nlohmann::json json = toJson(event, rule);
        json["change"] = toString(event.change);
        json["utc_ms"] = session_->clock.utcMillis();
        json["detail"] = detailOf(event.finding.evidence);
        json["seen"] = seenJson(event.finding);
        findingOut.push_back(json);
        // The list keeps what was seen, not the frame: frames come from the filter's small pool.
        FindingEvent listed = event;
        listed.finding.evidenceFrame = Frame{};
        recent_.push_front({std::move(listed), session_->clock.utcMillis(), {}, json["seen"]});
        if (recent_.size() > maxRecent)
            recent_.pop_back();
        const bool escalated =
            event.change != FindingChange::Cleared && event.finding.state > event.previousState;
        if (escalated && event.finding.state >= FindingState::Warning) {
            acknowledged_ = false;
            alertsOut.push_back({{"rule", event.finding.ruleId},
                                 {"state", toString(event.finding.state)},
                                 {"title", rule ? localizedJson(rule->title) : nlohmann::json::object()},
                                 {"detail", json["detail"]},
                                 {"seen", json["seen"]},
                                 {"platform", localizedJson(compliance.tracker().pack().name)}});
        }
    }
}

void GuardService::onEvidenceWritten(const std::string& ruleId, const std::filesystem::path& file)
{
    // On the record writer's thread, which close() joins while mutex_ is held: only evidenceMutex_.
    std::lock_guard lock(evidenceMutex_);
    evidenceWritten_.emplace_back(ruleId, file.string());
    if (evidenceWritten_.size() > maxRecent)
        evidenceWritten_.pop_front();
}

void GuardService::attachEvidenceLocked() const
{
    std::lock_guard lock(evidenceMutex_);
    // Evidence is written in the order findings were recorded: the oldest picture goes to the
    // oldest recent entry of its rule still waiting for one.
    while (!evidenceWritten_.empty()) {
        const auto& [ruleId, path] = evidenceWritten_.front();
        for (auto entry = recent_.rbegin(); entry != recent_.rend(); ++entry)
            if (entry->event.finding.ruleId == ruleId && entry->evidencePath.empty() &&
                entry->event.change != FindingChange::Cleared) {
                entry->evidencePath = path;
                break;
            }
        evidenceWritten_.pop_front();
    }
}

void GuardService::publish(const std::vector<nlohmann::json>& findings,
                           const std::vector<nlohmann::json>& alerts)
{
    for (const nlohmann::json& finding : findings)
        if (publisher_.findingChanged)
            publisher_.findingChanged(finding);
    for (const nlohmann::json& alert : alerts)
        if (publisher_.alert)
            publisher_.alert(alert);
}

void GuardService::publishStatus()
{
    if (publisher_.statusChanged)
        publisher_.statusChanged(status());
}

nlohmann::json GuardService::sessionJsonLocked() const
{
    if (!session_)
        return nullptr;
    return {{"kind", toString(session_->kind)},
            {"dir", session_->dir.empty() ? nlohmann::json() : nlohmann::json(session_->dir.string())},
            {"started_utc_ms", session_->startedUtc},
            {"recording_file",
             session_->recordingFile.empty() ? nlohmann::json() : nlohmann::json(session_->recordingFile)},
            {"error", session_->error.empty() ? nlohmann::json() : nlohmann::json(session_->error)}};
}

nlohmann::json GuardService::sessionJson() const
{
    std::lock_guard lock(mutex_);
    return sessionJsonLocked();
}

nlohmann::json GuardService::findingsJson() const
{
    std::lock_guard lock(mutex_);
    nlohmann::json open = nlohmann::json::array();
    if (session_)
        for (const Finding& finding : session_->compliance->tracker().openFindings())
            open.push_back(toJson(FindingEvent{FindingChange::Changed, finding, finding.state},
                                  pack_.findRule(finding.ruleId)));
    attachEvidenceLocked();
    return {{"open", open}, {"recent", recentJson(recent_, pack_)}};
}

nlohmann::json GuardService::status() const
{
    nlohmann::json scenes = scenesProvider ? scenesProvider() : nlohmann::json::array();
    // Straight from the filters, not from the last tick: a scene switch shows at once.
    bool analysing = false;
    for (const FilterRegistry::OnAir& state : registry().onAirStates(settings().rehearsal))
        analysing = analysing || state.onAir;
    std::lock_guard lock(mutex_);
    nlohmann::json status;
    const FindingTracker* tracker = session_ ? &session_->compliance->tracker() : nullptr;
    status["state"] = tracker ? toString(worstOpenState(*tracker)) : "clear";
    status["acknowledged"] = acknowledged_;
    status["analysing"] = analysing;
    status["pack"] = {{"id", pack_.id},
                      {"name", localizedJson(pack_.name)},
                      {"error", packError_.empty() ? nlohmann::json() : nlohmann::json(packError_)}};
    status["session"] = sessionJsonLocked();
    status["records_dir"] = recordDirLocked().string();
    status["rules"] = tracker ? ruleRowsJson(*tracker, session_->clock.now()) : nlohmann::json::array();
    status["scenes"] = std::move(scenes);
    attachEvidenceLocked();
    status["recent"] = recentJson(recent_, pack_);
    status["errors"] = errors_;
    status["presenters"] = enrolment_->status();
    status["settings"] = settingsJson(settings_);
    return status;
}

void GuardService::saveSettingsLocked() const
{
    std::error_code error;
    std::filesystem::create_directories(configDir_, error);
    const std::filesystem::path file = configDir_ / "settings.json";
    std::ofstream out(file, std::ios::trunc);
    out << settingsJson(settings_).dump(2) << "\n";
    if (!out)
        log(LOG_WARNING, "could not save %s", file.string().c_str());
}

} // namespace cg::obs

#include "obs/guard_signals.hpp"

#include "core/record/record_verifier.hpp"
#include "obs/guard_api.hpp"
#include "obs/plugin_log.hpp"
#include "obs/scene_watch.hpp"

#include <obs-websocket-api.h>
#include <obs.h>

#include <atomic>
#include <functional>
#include <map>

namespace cg::obs {

namespace {

std::atomic<GuardService*> attached{nullptr};
obs_websocket_vendor vendor = nullptr;

void emitSignal(const char* name, const nlohmann::json& json)
{
    calldata_t data = {};
    calldata_set_string(&data, "json", json.dump().c_str());
    signal_handler_signal(obs_get_signal_handler(), name, &data);
    calldata_free(&data);
}

void emitVendorEvent(const char* name, const nlohmann::json& json)
{
    if (vendor == nullptr)
        return;
    obs_data_t* data = obs_data_create_from_json(json.dump().c_str());
    obs_websocket_vendor_emit_event(vendor, name, data);
    obs_data_release(data);
}

nlohmann::json verifyJson(const std::string& dir)
{
    const VerifyReport report = verifyRecord(dir);
    return {{"dir", dir},
            {"status", toString(report.status)},
            {"message", report.message},
            {"lines_verified", report.linesChecked},
            {"closing_line", report.closingLinePresent},
            {"final_hash", report.finalHash},
            {"signature", toString(report.signature)},
            {"key_fingerprint", report.recordKey ? report.recordKey->fingerprint() : std::string()},
            {"first_bad_seq", report.firstBadSeq ? nlohmann::json(*report.firstBadSeq) : nlohmann::json()}};
}

nlohmann::json setWatched(GuardService& service, const std::string& scene, bool watched)
{
    const bool ok = setSceneWatched(scene, watched);
    if (ok)
        service.noteWatchedScenes(watchedSceneNames());
    service.publishStatus();
    return {{"ok", ok}, {"scene", scene}, {"watched", watched}};
}

// Runs `answer` with the attached service; a detached guard answers with an error.
void answerProc(calldata_t* data, const std::function<nlohmann::json(GuardService&)>& answer) noexcept
{
    try {
        GuardService* service = attached.load();
        const nlohmann::json json =
            service ? answer(*service) : nlohmann::json{{"error", "the guard is not running"}};
        calldata_set_string(data, "json", json.dump().c_str());
    } catch (const std::exception& error) {
        log(LOG_ERROR, "proc failed: %s", error.what());
        calldata_set_string(data, "json", nlohmann::json{{"error", error.what()}}.dump().c_str());
    }
}

void vendorAnswer(obs_data_t* response, const std::function<nlohmann::json(GuardService&)>& answer) noexcept
{
    try {
        GuardService* service = attached.load();
        const nlohmann::json json =
            service ? answer(*service) : nlohmann::json{{"error", "the guard is not running"}};
        obs_data_t* data = obs_data_create_from_json(json.dump().c_str());
        obs_data_apply(response, data);
        obs_data_release(data);
    } catch (const std::exception& error) {
        obs_data_set_string(response, "error", error.what());
    }
}

std::string stringArgument(calldata_t* data, const char* name)
{
    const char* value = calldata_string(data, name);
    return value ? value : "";
}

} // namespace

void declareGuardSignals()
{
    signal_handler_t* signals = obs_get_signal_handler();
    signal_handler_add(signals, api::signalStatusChangedDecl);
    signal_handler_add(signals, api::signalFindingDecl);
    signal_handler_add(signals, api::signalAlertDecl);

    proc_handler_t* procs = obs_get_proc_handler();
    proc_handler_add(
        procs, api::procStatusDecl,
        [](void*, calldata_t* data) { answerProc(data, [](GuardService& s) { return s.status(); }); },
        nullptr);
    proc_handler_add(
        procs, api::procSetSceneWatchedDecl,
        [](void*, calldata_t* data) {
            const std::string scene = stringArgument(data, "scene");
            const bool watched = calldata_bool(data, "watched");
            answerProc(data, [&](GuardService& s) { return setWatched(s, scene, watched); });
        },
        nullptr);
    proc_handler_add(
        procs, api::procAcknowledgeDecl,
        [](void*, calldata_t* data) {
            answerProc(data, [](GuardService& s) {
                s.acknowledge("dock");
                return nlohmann::json{{"ok", true}};
            });
        },
        nullptr);
    proc_handler_add(
        procs, api::procEnrolPresenterDecl,
        [](void*, calldata_t* data) {
            answerProc(data, [](GuardService& s) {
                s.enrolPresenter();
                return nlohmann::json{{"ok", true}};
            });
        },
        nullptr);
    proc_handler_add(
        procs, api::procForgetPresentersDecl,
        [](void*, calldata_t* data) {
            answerProc(data, [](GuardService& s) {
                s.forgetPresenters();
                return nlohmann::json{{"ok", true}};
            });
        },
        nullptr);
    proc_handler_add(
        procs, api::procVerifyDecl,
        [](void*, calldata_t* data) {
            const std::string dir = stringArgument(data, "dir");
            answerProc(data, [&](GuardService&) { return verifyJson(dir); });
        },
        nullptr);
}

void attachGuardProcs(GuardService* service)
{
    attached.store(service);
}

void detachGuardProcs()
{
    attached.store(nullptr);
}

void registerWebsocketVendor()
{
    vendor = obs_websocket_register_vendor(api::vendorName);
    if (vendor == nullptr) {
        log(LOG_INFO, "obs-websocket not available: no vendor requests");
        return;
    }
    using Handler = void (*)(obs_data_t*, obs_data_t*, void*);
    const std::map<const char*, Handler> requests{
        {"GetStatus", [](obs_data_t*, obs_data_t* response,
                         void*) { vendorAnswer(response, [](GuardService& s) { return s.status(); }); }},
        {"GetFindings",
         [](obs_data_t*, obs_data_t* response, void*) {
             vendorAnswer(response, [](GuardService& s) { return s.findingsJson(); });
         }},
        {"GetSession",
         [](obs_data_t*, obs_data_t* response, void*) {
             vendorAnswer(response,
                          [](GuardService& s) { return nlohmann::json{{"session", s.sessionJson()}}; });
         }},
        {"SetSceneWatched",
         [](obs_data_t* request, obs_data_t* response, void*) {
             const std::string scene = obs_data_get_string(request, "scene");
             const bool watched = obs_data_get_bool(request, "watched");
             vendorAnswer(response, [&](GuardService& s) { return setWatched(s, scene, watched); });
         }},
        {"Acknowledge",
         [](obs_data_t*, obs_data_t* response, void*) {
             vendorAnswer(response, [](GuardService& s) {
                 s.acknowledge("obs-websocket");
                 return nlohmann::json{{"ok", true}};
             });
         }},
        {"EnrolPresenter",
         [](obs_data_t*, obs_data_t* response, void*) {
             vendorAnswer(response, [](GuardService& s) {
                 s.enrolPresenter();
                 return nlohmann::json{{"ok", true}};
             });
         }},
        {"ForgetPresenters",
         [](obs_data_t*, obs_data_t* response, void*) {
             vendorAnswer(response, [](GuardService& s) {
                 s.forgetPresenters();
                 return nlohmann::json{{"ok", true}};
             });
         }},
        {"VerifyRecord",
         [](obs_data_t* request, obs_data_t* response, void*) {
             const std::string dir = obs_data_get_string(request, "dir");
             vendorAnswer(response, [&](GuardService&) { return verifyJson(dir); });
         }},
    };
    for (const auto& [name, handler] : requests)
        if (!obs_websocket_vendor_register_request(vendor, name, handler, nullptr))
            log(LOG_WARNING, "vendor request %s not registered", name);
}

GuardService::Publisher makeGuardPublisher()
{
    GuardService::Publisher publisher;
    publisher.statusChanged = [](const nlohmann::json& status) {
        emitSignal(api::signalStatusChanged, status);
    };
    publisher.findingChanged = [](const nlohmann::json& finding) {
        emitSignal(api::signalFinding, finding);
        emitVendorEvent("FindingChanged", finding);
    };
    publisher.alert = [](const nlohmann::json& alert) { emitSignal(api::signalAlert, alert); };
    publisher.sessionChanged = [](const nlohmann::json& session) {
        emitVendorEvent("SessionChanged", session);
    };
    return publisher;
}

} // namespace cg::obs

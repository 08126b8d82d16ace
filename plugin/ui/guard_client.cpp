#include "ui/guard_client.hpp"

#include "obs/guard_api.hpp"

#include <obs.h>

#include <QMetaObject>

#include <cstring>

namespace cg::ui {
namespace {

// calldata on the heap: the JSON answers are larger than any fixed stack buffer.
class CallData {
  public:
    CallData() { calldata_init(&data_); }
    ~CallData() { calldata_free(&data_); }
    CallData(const CallData&) = delete;
    CallData& operator=(const CallData&) = delete;

    calldata_t* get() { return &data_; }

    std::optional<std::string> string(const char* name) const
    {
        const char* value = nullptr;
        if (!calldata_get_string(&data_, name, &value) || value == nullptr)
            return std::nullopt;
        return std::string(value);
    }

  private:
    calldata_t data_{};
};

bool callProc(const char* name, CallData& data)
{
    proc_handler_t* procs = obs_get_proc_handler();
    return procs != nullptr && proc_handler_call(procs, name, data.get());
}

} // namespace

GuardClient::GuardClient(QObject* parent) : GuardLink(parent)
{
    // The global connection does not depend on whether the guard has declared its signals yet,
    // so the dock can be built before or after the guard service in obs_module_load.
    signal_handler_connect_global(obs_get_signal_handler(), &GuardClient::onGlobalSignal, this);
}

GuardClient::~GuardClient()
{
    // libobs holds the handler's lock while it calls out, so after this returns no callback runs.
    signal_handler_disconnect_global(obs_get_signal_handler(), &GuardClient::onGlobalSignal, this);
}

void GuardClient::onGlobalSignal(void* data, const char* signal, calldata_t* params) noexcept
{
    try {
        auto* self = static_cast<GuardClient*>(data);
        void (GuardLink::*relay)(const QString&) = nullptr;
        if (std::strcmp(signal, obs::api::signalStatusChanged) == 0)
            relay = &GuardLink::statusChanged;
        else if (std::strcmp(signal, obs::api::signalFinding) == 0)
            relay = &GuardLink::findingChanged;
        else if (std::strcmp(signal, obs::api::signalAlert) == 0)
            relay = &GuardLink::alertRaised;
        if (relay == nullptr)
            return;
        const char* json = nullptr;
        if (!calldata_get_string(params, "json", &json) || json == nullptr)
            return;
        const QString payload = QString::fromUtf8(json);
        // Queued with self as context: dropped if the client is deleted before the Qt thread runs it.
        QMetaObject::invokeMethod(
            self, [self, relay, payload] { (self->*relay)(payload); }, Qt::QueuedConnection);
    } catch (...) {
        blog(LOG_ERROR, "[compliance-guard] dock: could not relay signal %s", signal);
    }
}

std::optional<std::string> GuardClient::status()
{
    CallData data;
    if (!callProc(obs::api::procStatus, data))
        return std::nullopt;
    return data.string("json");
}

bool GuardClient::setSceneWatched(const std::string& scene, bool watched)
{
    CallData data;
    calldata_set_string(data.get(), "scene", scene.c_str());
    calldata_set_bool(data.get(), "watched", watched);
    return callProc(obs::api::procSetSceneWatched, data);
}

bool GuardClient::acknowledge()
{
    CallData data;
    return callProc(obs::api::procAcknowledge, data);
}

bool GuardClient::enrolPresenter()
{
    CallData data;
    return callProc(obs::api::procEnrolPresenter, data);
}

bool GuardClient::forgetPresenters()
{
    CallData data;
    return callProc(obs::api::procForgetPresenters, data);
}

std::optional<std::string> GuardClient::verify(const std::string& recordDir)
{
    CallData data;
    calldata_set_string(data.get(), "dir", recordDir.c_str());
    if (!callProc(obs::api::procVerify, data))
        return std::nullopt;
    return data.string("json");
}

} // namespace cg::ui

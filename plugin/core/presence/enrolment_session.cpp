#include "core/presence/enrolment_session.hpp"

namespace cg {

EnrolmentSession::EnrolmentSession(Settings settings, std::function<void()> changed)
    : settings_(std::move(settings)), changed_(std::move(changed)), thread_([this] { run(); })
{
}

EnrolmentSession::~EnrolmentSession()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void EnrolmentSession::loadSaved()
{
    {
        std::lock_guard lock(mutex_);
        loadRequested_ = true;
    }
    wake_.notify_all();
}

void EnrolmentSession::begin(const std::string& presenter)
{
    {
        std::lock_guard lock(mutex_);
        if (state_ != State::Idle)
            return;
        state_ = State::Collecting;
        presenter_ = presenter;
        frames_.clear();
    }
    if (changed_)
        changed_();
}

void EnrolmentSession::offer(const Frame& frame)
{
    if (frame.empty())
        return;
    {
        std::lock_guard lock(mutex_);
        if (state_ != State::Collecting ||
            (!frames_.empty() && frame.time() - frames_.back().time() < settings_.spacing))
            return;
        frames_.push_back(frame.deepCopy());
        if (static_cast<int>(frames_.size()) < settings_.frames)
            return;
        state_ = State::Enrolling;
    }
    wake_.notify_all();
    if (changed_)
        changed_();
}

void EnrolmentSession::forgetAll()
{
    {
        std::lock_guard lock(mutex_);
        forgetRequested_ = true;
    }
    wake_.notify_all();
}

std::shared_ptr<const PresenterRegistry> EnrolmentSession::registry() const
{
    std::lock_guard lock(mutex_);
    return registry_ && registry_->anyEnrolled() ? registry_ : nullptr;
}

nlohmann::json EnrolmentSession::status() const
{
    std::lock_guard lock(mutex_);
    const char* state = state_ == State::Collecting  ? "collecting"
                        : state_ == State::Enrolling ? "enrolling"
                                                     : "idle";
    nlohmann::json enrolled = nlohmann::json::array();
    int samples = 0;
    if (registry_) {
        for (const std::string& name : registry_->presenters())
            enrolled.push_back(name);
        samples = registry_->sampleCount();
    }
    return {{"state", state}, {"enrolled", enrolled}, {"samples", samples}, {"last", last_}};
}

// The registry loads the landmark model: slow, so only here, on the session's own thread.
std::shared_ptr<PresenterRegistry> EnrolmentSession::ensureRegistryLocked(std::unique_lock<std::mutex>& lock)
{
    if (registry_)
        return registry_;
    lock.unlock();
    std::shared_ptr<PresenterRegistry> created;
    try {
        PresenterRegistrySettings registrySettings;
        registrySettings.folder = settings_.folder;
        created = std::make_shared<PresenterRegistry>(registrySettings);
    } catch (...) {
        lock.lock();
        throw;
    }
    lock.lock();
    registry_ = created;
    return registry_;
}

void EnrolmentSession::run()
{
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] {
            return stopping_ || loadRequested_ || forgetRequested_ || state_ == State::Enrolling;
        });
        if (stopping_)
            return;
        try {
            if (loadRequested_) {
                loadRequested_ = false;
                if (std::filesystem::exists(settings_.folder))
                    ensureRegistryLocked(lock);
            } else if (forgetRequested_) {
                forgetRequested_ = false;
                if (registry_)
                    registry_->forgetAll();
                last_ = nullptr;
            } else {
                const std::vector<Frame> frames = std::move(frames_);
                frames_.clear();
                const std::shared_ptr<PresenterRegistry> registry = ensureRegistryLocked(lock);
                const std::string presenter = presenter_;
                lock.unlock();
                const PresenterRegistry::EnrolmentResult result = registry->enrol(frames, presenter);
                lock.lock();
                state_ = State::Idle;
                last_ = {{"ok", result.enrolled},
                         {"frames", result.framesSeen},
                         {"samples", result.samplesStored}};
            }
        } catch (const std::exception& error) {
            state_ = State::Idle;
            last_ = {{"ok", false}, {"error", error.what()}};
        }
        lock.unlock();
        if (changed_)
            changed_();
        lock.lock();
    }
}

} // namespace cg

#pragma once

#include "ui/guard_link.hpp"

#include <utility>
#include <vector>

namespace cg::test {

// A GuardLink that answers with the JSON a test gives it and records what the dock asked for.
// Signals are emitted by the test itself: emit link.statusChanged(json).
class ReplayLink final : public ui::GuardLink {
  public:
    std::optional<std::string> statusJson;
    std::optional<std::string> verifyJson;
    std::vector<std::pair<std::string, bool>> watchCalls;
    std::vector<std::string> verifiedDirs;
    int acknowledgeCalls = 0;
    int statusCalls = 0;

    std::optional<std::string> status() override
    {
        ++statusCalls;
        return statusJson;
    }
    bool setSceneWatched(const std::string& scene, bool watched) override
    {
        watchCalls.emplace_back(scene, watched);
        return true;
    }
    bool acknowledge() override
    {
        ++acknowledgeCalls;
        return true;
    }
    int enrolCalls = 0;
    int forgetCalls = 0;
    bool enrolPresenter() override
    {
        ++enrolCalls;
        return true;
    }
    bool forgetPresenters() override
    {
        ++forgetCalls;
        return true;
    }
    std::optional<std::string> verify(const std::string& recordDir) override
    {
        verifiedDirs.push_back(recordDir);
        return verifyJson;
    }
};

} // namespace cg::test

#pragma once

#include "core/analyzer.hpp"

#include <obs.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace cg::obs {

// The live Compliance Guard filters, so the guard can tell, once a second and from its own thread,
// which watched scenes are on the program output. The graphics thread never takes this lock.
class FilterRegistry {
  public:
    struct Entry {
        const void* filter;
        obs_source_t* context;
        std::vector<std::string> categories;
        // Set by the filter's graphics thread whenever it captures a frame: a scene that was on
        // air only between two looks still counts, so its findings end when it leaves.
        std::atomic<bool>* captured;
        Analyzer* analyzer;
    };
    struct OnAir {
        const void* filter;
        bool onAir;
        std::vector<std::string> categories;
    };

    void add(const void* filter, obs_source_t* context, std::vector<std::string> categories,
             std::atomic<bool>* captured, Analyzer* analyzer);
    void update(const void* filter, std::vector<std::string> categories);
    void remove(const void* filter);
    // For each filter: whether it is enabled on a scene or source that is on the program output
    // (or, in rehearsal mode, shown anywhere). The guard's ticker also takes the captures since its
    // last look (takeCaptures); other readers leave them.
    [[nodiscard]] std::vector<OnAir> onAirStates(bool rehearsal, bool takeCaptures = false) const;
    // Calls visit for every live filter, under the registry's lock (so none is destroyed meanwhile):
    // visit must not call back into the registry.
    void forEach(const std::function<void(const Entry&)>& visit) const;
    // At unload: joins every filter's worker, so none reports to the guard after it is gone.
    void stopAllAnalyzers();
    // Whether the named scene has an enabled Compliance Guard filter.
    [[nodiscard]] bool watches(obs_source_t* scene) const;

  private:
    mutable std::mutex mutex_;
    std::vector<Entry> entries_;
};

FilterRegistry& registry();

} // namespace cg::obs

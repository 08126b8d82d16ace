#pragma once

#include <obs.h>

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
    };
    struct OnAir {
        const void* filter;
        bool onAir;
        std::vector<std::string> categories;
    };

    void add(const void* filter, obs_source_t* context, std::vector<std::string> categories);
    void update(const void* filter, std::vector<std::string> categories);
    void remove(const void* filter);
    // For each filter: whether it is enabled on a scene or source that is on the program output
    // (or, in rehearsal mode, shown anywhere).
    [[nodiscard]] std::vector<OnAir> onAirStates(bool rehearsal) const;
    // Whether the named scene has an enabled Compliance Guard filter.
    [[nodiscard]] bool watches(obs_source_t* scene) const;

private:
    mutable std::mutex mutex_;
    std::vector<Entry> entries_;
};

FilterRegistry& registry();

} // namespace cg::obs

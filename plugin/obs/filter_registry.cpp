#include "obs/filter_registry.hpp"

#include <algorithm>

namespace cg::obs {

FilterRegistry& registry()
{
    static FilterRegistry instance;
    return instance;
}

void FilterRegistry::add(const void* filter, obs_source_t* context, std::vector<std::string> categories,
                         std::atomic<bool>* captured, Analyzer* analyzer)
{
    std::lock_guard lock(mutex_);
    entries_.push_back({filter, context, std::move(categories), captured, analyzer});
}

void FilterRegistry::forEach(const std::function<void(const Entry&)>& visit) const
{
    std::lock_guard lock(mutex_);
    for (const Entry& entry : entries_)
        visit(entry);
}

void FilterRegistry::stopAllAnalyzers()
{
    std::lock_guard lock(mutex_);
    for (const Entry& entry : entries_)
        entry.analyzer->stop();
}

void FilterRegistry::update(const void* filter, std::vector<std::string> categories)
{
    std::lock_guard lock(mutex_);
    for (Entry& entry : entries_)
        if (entry.filter == filter)
            entry.categories = std::move(categories);
}

void FilterRegistry::remove(const void* filter)
{
    std::lock_guard lock(mutex_);
    std::erase_if(entries_, [filter](const Entry& entry) { return entry.filter == filter; });
}

std::vector<FilterRegistry::OnAir> FilterRegistry::onAirStates(bool rehearsal, bool takeCaptures) const
{
    std::lock_guard lock(mutex_);
    std::vector<OnAir> states;
    for (const Entry& entry : entries_) {
        obs_source_t* parent = obs_filter_get_parent(entry.context);
        const bool shown =
            parent != nullptr && (rehearsal ? obs_source_showing(parent) : obs_source_active(parent));
        const bool captured = takeCaptures && entry.captured->exchange(false);
        states.push_back(
            {entry.filter, (shown && obs_source_enabled(entry.context)) || captured, entry.categories});
    }
    return states;
}

bool FilterRegistry::watches(obs_source_t* scene) const
{
    std::lock_guard lock(mutex_);
    return std::any_of(entries_.begin(), entries_.end(), [scene](const Entry& entry) {
        return obs_filter_get_parent(entry.context) == scene && obs_source_enabled(entry.context);
    });
}

} // namespace cg::obs

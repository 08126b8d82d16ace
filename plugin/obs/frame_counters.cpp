#include "obs/frame_counters.hpp"

#include <obs.h>

namespace cg::obs {

std::optional<FrameCounts> streamFrameCounts()
{
    struct Sum {
        bool any = false;
        FrameCounts counts;
    } sum;
    // obs_enum_outputs holds libobs's output list lock during the visit, so no output goes away
    // meanwhile; the frontend's own output pointers are not safe to read off the UI thread.
    obs_enum_outputs(
        [](void* param, obs_output_t* output) {
            auto& total = *static_cast<Sum*>(param);
            // A stream output is the one with a service (a recording or virtual camera has none).
            if (!obs_output_active(output) || obs_output_get_service(output) == nullptr)
                return true;
            total.any = true;
            const int dropped = obs_output_get_frames_dropped(output);
            const int frames = obs_output_get_total_frames(output);
            total.counts.bad += dropped > 0 ? static_cast<std::uint64_t>(dropped) : 0;
            total.counts.total += frames > 0 ? static_cast<std::uint64_t>(frames) : 0;
            return true;
        },
        &sum);
    if (!sum.any)
        return std::nullopt;
    return sum.counts;
}

FrameCounts renderFrameCounts()
{
    return {obs_get_lagged_frames(), obs_get_total_frames()};
}

} // namespace cg::obs

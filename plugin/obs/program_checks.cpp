#include "obs/program_checks.hpp"

#include "obs/frame_counters.hpp"
#include "obs/scene_layout.hpp"

namespace cg::obs {

std::vector<AnalysisResult> ProgramChecks::run()
{
    const Millis now = clock_.now();
    std::vector<AnalysisResult> results;
    const std::optional<LayoutSnapshot> program = programLayout();
    results.push_back(program ? layout_.check(*program, now) : layout_.notWatching());
    results.push_back(health_.check(now, streamFrameCounts(), renderFrameCounts()));
    return results;
}

} // namespace cg::obs

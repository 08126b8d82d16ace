#pragma once

#include "core/clock.hpp"
#include "core/layout/frame_health.hpp"
#include "core/layout/layout_check.hpp"

#include <vector>

namespace cg::obs {

// The checks measured from the program output rather than from a filter's frames: the camera
// layout of the program scene (only while that scene is watched) and the frames the stream dropped
// and the renderer missed (always). Called once a second from the guard's ticker thread only.
class ProgramChecks {
  public:
    explicit ProgramChecks(LayoutSettings layout = {}, OutputHealthSettings health = {})
        : layout_(layout), health_(health)
    {
    }

    std::vector<AnalysisResult> run();

  private:
    SteadyClock clock_;
    LayoutCheck layout_;
    OutputHealthCheck health_;
};

} // namespace cg::obs

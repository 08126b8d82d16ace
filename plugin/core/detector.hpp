#pragma once

#include "core/detection.hpp"
#include "core/frame.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace cg {

// One check over one frame. Detectors run on the analyzer's worker thread only, one call at a
// time, so they may keep state between frames without locking.
class Detector {
  public:
    virtual ~Detector() = default;

    [[nodiscard]] virtual std::string_view id() const = 0;
    // Every category this detector can report; a run that reports none of them means "not seen".
    [[nodiscard]] virtual std::vector<std::string> categories() const = 0;
    // How often it wants to run, in frame time.
    [[nodiscard]] virtual Millis cadence() const = 0;
    virtual std::vector<Detection> detect(const Frame& frame) = 0;
    // Whether one run may take a good part of a second (reading text, searching for logos). The
    // analyzer's worker runs these on a lane of their own, so that a quick check (a QR code) is
    // reported when it is done and not after them.
    [[nodiscard]] virtual bool mayTakeLong() const { return false; }
};

} // namespace cg

#pragma once

#include <sys/types.h>

namespace cg::obstest {

// The X server libobs's OpenGL renders through. When the test runs without DISPLAY, an Xvfb is
// started on a display it picks itself (-displayfd, so parallel test processes never collide) and
// DISPLAY is set for this process; it is stopped again when the object goes.
class VirtualDisplay {
  public:
    VirtualDisplay();
    ~VirtualDisplay();
    VirtualDisplay(const VirtualDisplay&) = delete;
    VirtualDisplay& operator=(const VirtualDisplay&) = delete;

    [[nodiscard]] bool started() const { return pid_ > 0; }

  private:
    pid_t pid_ = -1;
};

} // namespace cg::obstest

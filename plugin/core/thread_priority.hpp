#pragma once

namespace cg {

// Lets the calling thread yield the CPU to everything else in the process: analysis runs beside
// OBS's render and encoder threads and must never slow them. Threads it starts afterwards (OpenCV's
// worker pool among them) inherit the policy on Linux. Returns false where that is not possible; the
// thread then runs as it was.
bool lowerCurrentThreadPriority() noexcept;

} // namespace cg

#pragma once

namespace cg {

// Lets the calling thread yield the CPU to everything else in the process: analysis runs beside
// OBS's render and encoder threads and must never slow them. Threads OpenCV's pool (TBB in
// Debian's build) started elsewhere keep their own priority. Returns false where that is not
// possible; the thread then runs as it was.
bool lowerCurrentThreadPriority() noexcept;

} // namespace cg

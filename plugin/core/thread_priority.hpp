#pragma once

namespace cg {

// Lets the calling thread yield the CPU to everything else in the process: analysis runs beside
// OBS's render and encoder threads and must never slow them. Returns false where that is not
// possible; the thread then runs as it was.
bool lowerCurrentThreadPriority() noexcept;

// Makes OpenCV run every call on the thread that makes it, process-wide. Its worker pool (TBB in
// Debian's build) is started by whichever thread first needs it, usually one at normal priority,
// and its threads spin while they wait for more: work an idle-priority analysis thread handed them
// ran at normal priority beside OBS's render threads (measured in tests/bench/RESULTS.md).
void keepOpenCvOnCallingThreads();

} // namespace cg

#pragma once

#include <QString>

namespace cg::ui {

// "0:12", "5:00", "1:02:03": how long something was seen (rounded down).
QString elapsedText(double seconds);
// The same format for a countdown, rounded up so it reads 0:00 only once the limit is reached.
QString remainingText(double seconds);

// A rule's timers advanced by the time since its status was received, so the dock ticks between
// status updates: seen_for grows, time_to_limit shrinks and stops at zero.
struct LiveTimers {
    double seenForS = 0;
    double timeToLimitS = 0;
};

LiveTimers advanceTimers(double seenForS, double timeToLimitS, double secondsSinceStatus);

} // namespace cg::ui

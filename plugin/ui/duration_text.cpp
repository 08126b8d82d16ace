#include "ui/duration_text.hpp"

#include <algorithm>
#include <cmath>

namespace cg::ui {
namespace {

QString clockText(long long totalSeconds)
{
    totalSeconds = std::max(0LL, totalSeconds);
    const long long hours = totalSeconds / 3600;
    const long long minutes = (totalSeconds / 60) % 60;
    const long long seconds = totalSeconds % 60;
    const QString mmss =
        QStringLiteral("%1:%2")
            .arg(hours > 0 ? QStringLiteral("%1").arg(minutes, 2, 10, QChar('0')) : QString::number(minutes))
            .arg(seconds, 2, 10, QChar('0'));
    return hours > 0 ? QString::number(hours) + QChar(':') + mmss : mmss;
}

} // namespace

QString elapsedText(double seconds)
{
    return clockText(static_cast<long long>(std::floor(seconds + 1e-6)));
}

QString remainingText(double seconds)
{
    return clockText(static_cast<long long>(std::ceil(seconds - 1e-6)));
}

LiveTimers advanceTimers(double seenForS, double timeToLimitS, double secondsSinceStatus)
{
    const double elapsed = std::max(0.0, secondsSinceStatus);
    return {seenForS + elapsed, std::max(0.0, timeToLimitS - elapsed)};
}

} // namespace cg::ui

#include "report_pdf/timeline_image.hpp"

#include "core/report/report_style.hpp"

#include <QPainter>

#include <algorithm>

namespace cg {
namespace {

QColor qColour(const ReportColour& colour)
{
    return {colour.red, colour.green, colour.blue};
}

} // namespace

QImage paintTimeline(const RuleTimeline& timeline, Millis duration, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(qColour(stateColour(FindingState::Clear)));
    QPainter painter(&image);
    const double total = static_cast<double>(std::max<Millis::rep>(1, duration.count()));
    for (const StateSpan& span : timeline.states) {
        const double x = static_cast<double>(span.span.from.count()) / total * size.width();
        const double width =
            std::max(2.0, static_cast<double>(span.span.length().count()) / total * size.width());
        painter.fillRect(QRectF(x, 0, width, size.height()), qColour(stateColour(span.state)));
    }
    return image;
}

} // namespace cg

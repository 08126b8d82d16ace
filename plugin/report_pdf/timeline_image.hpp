#pragma once

#include "core/report/report_model.hpp"

#include <QImage>

namespace cg {

// One rule's timeline as a picture for the PDF (Qt's rich text has no SVG): the session from left
// to right in the clear colour, each state span in its colour, at least 2 px wide so that a moment
// in a long session still shows.
QImage paintTimeline(const RuleTimeline& timeline, Millis duration, QSize size);

} // namespace cg

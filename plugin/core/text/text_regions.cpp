#include "core/text/text_regions.hpp"

#include "core/text/image_components.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cg {

namespace {

struct DisjointSets {
    std::vector<int> parent;
    explicit DisjointSets(std::size_t size) : parent(size) { std::iota(parent.begin(), parent.end(), 0); }
    int find(int item)
    {
        while (parent[static_cast<std::size_t>(item)] != item) {
            parent[static_cast<std::size_t>(item)] =
                parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(item)])];
            item = parent[static_cast<std::size_t>(item)];
        }
        return item;
    }
    void join(int a, int b) { parent[static_cast<std::size_t>(find(a))] = find(b); }
};

int overlap(int begin1, int length1, int begin2, int length2)
{
    return std::min(begin1 + length1, begin2 + length2) - std::max(begin1, begin2);
}

// The middle value of a non-empty list (reorders it).
int median(std::vector<int>& values)
{
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2),
                     values.end());
    return values[values.size() / 2];
}

// Two pieces of strokes that belong to the same horizontal line: side by side, mostly at the same
// height, of similar size, with a gap no wider than a word space.
bool sameLine(const cv::Rect& a, const cv::Rect& b, double gapFactor)
{
    const int shorter = std::min(a.height, b.height);
    const int taller = std::max(a.height, b.height);
    // x-height words ("www.") sit next to words with ascenders and descenders ("Shop:", "lucky"), up
    // to twice as tall, and then lie within their height; a piece that only overlaps part of a much
    // taller one is texture bridging two lines.
    if (2 * taller > 3 * shorter + 6) {
        const cv::Rect& small = a.height < b.height ? a : b;
        const cv::Rect& tall = a.height < b.height ? b : a;
        const bool within = small.y >= tall.y - 2 && small.y + small.height <= tall.y + tall.height + 2;
        if (taller > 2 * shorter + 3 || !within) {
            return false;
        }
    }
    if (overlap(a.y, a.height, b.y, b.height) * 10 < shorter * 7) {
        return false;
    }
    const int gap = -overlap(a.x, a.width, b.x, b.width);
    return gap <= static_cast<int>(gapFactor * taller) + 2;
}

// Two characters of a vertical line: one above the other, centred on the same axis. Latin letters
// stacked upright ("加Vpanda1381") are narrower than ideographs and "l" or "1" narrower still, and
// each sits in a cell as tall as an ideograph, so the gap can be as tall as the larger of the two.
bool sameColumn(const cv::Rect& a, const cv::Rect& b)
{
    const int narrower = std::min(a.width, b.width);
    const int wider = std::max(a.width, b.width);
    if (wider > 4 * narrower) {
        return false;
    }
    const cv::Rect& narrow = a.width <= b.width ? a : b;
    const cv::Rect& wide = a.width <= b.width ? b : a;
    const int narrowCentre = narrow.x + narrow.width / 2;
    const int tolerance = wide.width / 6 + 2;
    if (narrowCentre < wide.x - tolerance || narrowCentre > wide.x + wide.width + tolerance ||
        overlap(a.x, a.width, b.x, b.width) < narrower / 2) {
        return false;
    }
    const int gap = -overlap(a.y, a.height, b.y, b.height);
    const int larger = std::max({a.width, b.width, a.height, b.height});
    return gap <= larger + 2;
}

// Small letters stacked in cells as tall as the column's ideographs leave gaps wider than
// themselves, which split a line ("加Vpa" | "nda1381"); two columns on one axis, one below the other
// by no more than the wider one's width, are one line.
void joinColumnsAcrossWideGaps(const std::vector<cv::Rect>& pieces,
                               const std::vector<std::size_t>& candidates, DisjointSets& columns)
{
    std::vector<cv::Rect> bounds(pieces.size());
    std::vector<int> members(pieces.size(), 0);
    for (const std::size_t i : candidates) {
        const auto root = static_cast<std::size_t>(columns.find(static_cast<int>(i)));
        bounds[root] = members[root] == 0 ? pieces[i] : (bounds[root] | pieces[i]);
        ++members[root];
    }
    std::vector<std::size_t> roots;
    for (std::size_t root = 0; root < pieces.size(); ++root) {
        if (members[root] >= 2) {
            roots.push_back(root);
        }
    }
    std::sort(roots.begin(), roots.end(),
              [&](std::size_t a, std::size_t b) { return bounds[a].y < bounds[b].y; });
    for (std::size_t i = 0; i < roots.size(); ++i) {
        const cv::Rect& upper = bounds[roots[i]];
        for (std::size_t j = i + 1; j < roots.size(); ++j) {
            const cv::Rect& lower = bounds[roots[j]];
            const int wider = std::max(upper.width, lower.width);
            const int gap = lower.y - (upper.y + upper.height);
            const int axisShift = std::abs((upper.x + upper.width / 2) - (lower.x + lower.width / 2));
            if (gap >= 0 && gap <= wider && axisShift <= std::min(upper.width, lower.width) / 2) {
                columns.join(static_cast<int>(roots[i]), static_cast<int>(roots[j]));
            }
        }
    }
}

// The characters of a vertical line: its rows of strokes split at empty rows, then joined top to
// bottom into cells about as tall as the column is wide (Chinese characters are square).
std::vector<cv::Rect> characterCells(const cv::Mat& edges, const std::vector<cv::Rect>& pieces)
{
    // The sides of a box around the column are pieces wider than any character (top and bottom) or
    // off the axis the characters are centred on (left and right); left in, they make the column as
    // wide as the box and its characters' cells too tall.
    std::vector<int> widths, centres;
    for (const cv::Rect& piece : pieces) {
        widths.push_back(piece.width);
        centres.push_back(piece.x + piece.width / 2);
    }
    const int medianWidth = median(widths);
    const int axis = median(centres);
    cv::Rect column;
    for (const cv::Rect& piece : pieces) {
        const bool flatSide = piece.width * 4 > medianWidth * 5 && piece.height * 3 < piece.width;
        const bool offAxis = std::abs(piece.x + piece.width / 2 - axis) > medianWidth / 4 + 2;
        if (!flatSide && !offAxis) {
            column = column.empty() ? piece : (column | piece);
        }
    }
    if (column.empty()) {
        return {};
    }
    cv::Mat rows;
    cv::reduce(edges(column), rows, 1, cv::REDUCE_MAX);
    std::vector<std::pair<int, int>> runs; // [begin, end) of rows with strokes
    for (int y = 0; y < rows.rows; ++y) {
        if (rows.at<std::uint8_t>(y) == 0) {
            continue;
        }
        if (!runs.empty() && runs.back().second == y) {
            runs.back().second = y + 1;
        } else {
            runs.emplace_back(y, y + 1);
        }
    }
    std::vector<cv::Rect> cells;
    int begin = -1, end = -1;
    for (const auto& [runBegin, runEnd] : runs) {
        if (begin >= 0 && runEnd - begin <= column.width + column.width / 6) {
            end = runEnd;
            continue;
        }
        if (begin >= 0) {
            cells.emplace_back(column.x, column.y + begin, column.width, end - begin);
        }
        begin = runBegin;
        end = runEnd;
    }
    if (begin >= 0) {
        cells.emplace_back(column.x, column.y + begin, column.width, end - begin);
    }
    // Specks (a stray dot between characters) are no characters.
    std::erase_if(cells, [&](const cv::Rect& cell) { return cell.height * 4 < column.width; });
    // Each cell as wide as its own strokes: a narrow letter is not padded to the widest ideograph.
    for (cv::Rect& cell : cells) {
        cv::Mat strokeColumns;
        cv::reduce(edges(cell), strokeColumns, 0, cv::REDUCE_MAX);
        std::vector<cv::Point> marked;
        cv::findNonZero(strokeColumns, marked);
        if (!marked.empty()) {
            const cv::Rect inked = cv::boundingRect(marked);
            cell.x += inked.x;
            cell.width = inked.width;
        }
    }
    return cells;
}

// Text that touches a long edge of the picture behind it (a cup's rim seen through a translucent
// box, a bowl's edge under outlined letters) is one component with it, too tall for a glyph, and
// its line is lost. The text's own edges are mostly the strongest there: such a component's
// pixels are labelled again at a higher contrast, each part a component of its own.
void splitAtHigherContrast(const cv::Mat& gradient, const TextRegionSettings& settings, cv::Mat& labels,
                           std::vector<ImageComponent>& components)
{
    if (settings.splitEdgeContrast <= 0) {
        return;
    }
    const std::size_t original = components.size();
    for (std::size_t label = 1; label < original; ++label) {
        const cv::Rect box = components[label].box;
        if (box.height <= settings.maxTextHeight) {
            continue;
        }
        const cv::Mat own = labels(box) == static_cast<int>(label);
        cv::Mat strong = own & (gradient(box) >= settings.splitEdgeContrast);
        cv::morphologyEx(strong, strong, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {5, 1}));
        strong &= own;
        cv::Mat parts;
        const std::vector<ImageComponent> split = labelComponents(strong, parts, 8);
        if (split.size() <= 2) {
            continue; // nothing, or one part: the component stays as it was
        }
        labels(box).setTo(0, own);
        for (std::size_t part = 1; part < split.size(); ++part) {
            labels(box).setTo(static_cast<int>(components.size()), parts == static_cast<int>(part));
            components.push_back({split[part].box + box.tl(), split[part].area});
        }
        components[label] = {};
    }
}

// The rectangle of a line from its stroke pixels. The slant comes from the principal axis of the
// pixels, trusted only for lines much longer than tall (a short word's descender would tilt it).
cv::RotatedRect uprightLine(const std::vector<cv::Point>& points)
{
    const cv::Rect bounds = cv::boundingRect(points);
    double angle = 0;
    if (bounds.width >= 3 * bounds.height / 2) {
        cv::Vec4f axis;
        cv::fitLine(points, axis, cv::DIST_L2, 0, 0.01, 0.01);
        angle = std::atan2(axis[1], axis[0]);
        if (angle > CV_PI / 2) {
            angle -= CV_PI;
        } else if (angle < -CV_PI / 2) {
            angle += CV_PI;
        }
    }
    const double cosA = std::cos(angle), sinA = std::sin(angle);
    double minU = 1e9, maxU = -1e9, minV = 1e9, maxV = -1e9;
    for (const cv::Point& point : points) {
        const double u = cosA * point.x + sinA * point.y;
        const double v = -sinA * point.x + cosA * point.y;
        minU = std::min(minU, u);
        maxU = std::max(maxU, u);
        minV = std::min(minV, v);
        maxV = std::max(maxV, v);
    }
    const double u = (minU + maxU) / 2, v = (minV + maxV) / 2;
    const cv::Point2f centre(static_cast<float>(cosA * u - sinA * v),
                             static_cast<float>(sinA * u + cosA * v));
    return {centre, cv::Size2f(static_cast<float>(maxU - minU + 1), static_cast<float>(maxV - minV + 1)),
            static_cast<float>(angle * 180 / CV_PI)};
}

} // namespace

std::vector<TextRegion> findTextRegions(const cv::Mat& gray, const TextRegionSettings& settings)
{
    CV_Assert(gray.type() == CV_8UC1);
    cv::Mat gradient;
    cv::morphologyEx(gray, gradient, cv::MORPH_GRADIENT, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
    cv::Mat edges = gradient >= settings.minEdgeContrast;
    // The borders of banners and boxes (and horizons, poles) are edges far longer than any stroke of
    // a glyph; left in, they join a box's lines and its outline into one region.
    cv::Mat longEdges, vertical;
    const int strokeLimit = std::max(60, settings.maxTextHeight + settings.maxTextHeight / 4);
    cv::morphologyEx(edges, longEdges, cv::MORPH_OPEN,
                     cv::getStructuringElement(cv::MORPH_RECT, {strokeLimit, 1}));
    cv::morphologyEx(edges, vertical, cv::MORPH_OPEN,
                     cv::getStructuringElement(cv::MORPH_RECT, {1, strokeLimit}));
    longEdges |= vertical;
    edges.setTo(0, longEdges);
    // Join a glyph's strokes and the glyphs of a word, not the lines above and below.
    cv::morphologyEx(edges, edges, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {5, 1}));

    cv::Mat labels;
    std::vector<ImageComponent> components = labelComponents(edges, labels, 8);
    splitAtHigherContrast(gradient, settings, labels, components);
    const int minPiece = std::max(3, settings.minTextHeight / 2);
    std::vector<int> pieceOfLabel(components.size(), -1);
    std::vector<cv::Rect> pieces;
    for (std::size_t label = 1; label < components.size(); ++label) {
        const cv::Rect& box = components[label].box;
        // Thin upright bars are box sides and separators ("|"), not glyphs; they would join lines.
        const bool bar = box.height >= 2 * settings.minTextHeight && box.width * 6 <= box.height;
        if (box.height < minPiece || box.height > settings.maxTextHeight * 2 || box.width < 2 || bar ||
            components[label].area < 12) {
            continue;
        }
        pieceOfLabel[label] = static_cast<int>(pieces.size());
        pieces.push_back(box);
    }

    std::vector<std::size_t> byLeft(pieces.size());
    std::iota(byLeft.begin(), byLeft.end(), 0);
    std::sort(byLeft.begin(), byLeft.end(),
              [&](std::size_t a, std::size_t b) { return pieces[a].x < pieces[b].x; });
    DisjointSets lines(pieces.size());
    for (std::size_t i = 0; i < byLeft.size(); ++i) {
        const cv::Rect& a = pieces[byLeft[i]];
        const int reach = a.x + a.width + static_cast<int>(settings.wordGapFactor * 2 * a.height) + 4;
        for (std::size_t j = i + 1; j < byLeft.size() && pieces[byLeft[j]].x <= reach; ++j) {
            if (sameLine(a, pieces[byLeft[j]], settings.wordGapFactor)) {
                lines.join(static_cast<int>(byLeft[i]), static_cast<int>(byLeft[j]));
            }
        }
    }
    std::vector<int> lineSize(pieces.size(), 0);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        ++lineSize[static_cast<std::size_t>(lines.find(static_cast<int>(i)))];
    }

    // Characters standing alone on their horizontal line may be one of a vertical line.
    std::vector<std::size_t> byTop;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const cv::Rect& box = pieces[i];
        // Ideographs and most letters are about as wide as tall; "l", "1" and "I" are tall and thin.
        const bool squarish = box.width >= settings.minTextHeight && box.height <= box.width * 3 / 2;
        const bool thinLetter = box.height >= settings.minTextHeight && box.width * 8 >= box.height;
        if (lineSize[static_cast<std::size_t>(lines.find(static_cast<int>(i)))] == 1 &&
            box.width <= settings.maxTextHeight && box.height <= settings.maxTextHeight &&
            (squarish || thinLetter)) {
            byTop.push_back(i);
        }
    }
    std::sort(byTop.begin(), byTop.end(),
              [&](std::size_t a, std::size_t b) { return pieces[a].y < pieces[b].y; });
    DisjointSets columns(pieces.size());
    for (std::size_t i = 0; i < byTop.size(); ++i) {
        const cv::Rect& a = pieces[byTop[i]];
        for (std::size_t j = i + 1;
             j < byTop.size() && pieces[byTop[j]].y <= a.y + a.height + settings.maxTextHeight + 2; ++j) {
            if (sameColumn(a, pieces[byTop[j]])) {
                columns.join(static_cast<int>(byTop[i]), static_cast<int>(byTop[j]));
            }
        }
    }
    joinColumnsAcrossWideGaps(pieces, byTop, columns);
    std::vector<std::vector<cv::Rect>> columnPieces(pieces.size());
    for (const std::size_t i : byTop) {
        columnPieces[static_cast<std::size_t>(columns.find(static_cast<int>(i)))].push_back(pieces[i]);
    }

    std::vector<TextRegion> regions;
    const cv::Rect picture(0, 0, gray.cols, gray.rows);
    std::vector<bool> inColumn(pieces.size(), false);
    for (std::size_t root = 0; root < pieces.size(); ++root) {
        const std::vector<cv::Rect>& members = columnPieces[root];
        // Thin letters are a few in a line of text; a stack of mostly thin pieces is grass or rain.
        const auto thin = std::count_if(members.begin(), members.end(),
                                        [](const cv::Rect& piece) { return piece.width * 2 < piece.height; });
        if (members.size() < 2 || thin * 3 > static_cast<std::ptrdiff_t>(members.size())) {
            continue;
        }
        std::vector<cv::Rect> cells = characterCells(edges, members);
        if (cells.size() < 3) {
            continue;
        }
        TextRegion region;
        region.vertical = true;
        cv::Rect bounds = cells.front();
        for (const cv::Rect& cell : cells) {
            bounds |= cell;
        }
        region.bounds = bounds & picture;
        region.line = cv::RotatedRect(
            cv::Point2f(static_cast<float>(bounds.x) + static_cast<float>(bounds.width) / 2,
                        static_cast<float>(bounds.y) + static_cast<float>(bounds.height) / 2),
            cv::Size2f(static_cast<float>(bounds.height), static_cast<float>(bounds.width)), 90);
        region.characters = std::move(cells);
        regions.push_back(std::move(region));
        for (const std::size_t i : byTop) {
            if (static_cast<std::size_t>(columns.find(static_cast<int>(i))) == root) {
                inColumn[i] = true;
            }
        }
    }

    // A piece much taller than its line's typical piece is a box's edge or a decoration that touches
    // the line, not a glyph: it is left out of the line's rectangle.
    std::vector<std::vector<int>> heightsOfLine(pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        heightsOfLine[static_cast<std::size_t>(lines.find(static_cast<int>(i)))].push_back(pieces[i].height);
    }
    std::vector<bool> outsized(pieces.size(), false);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        std::vector<int>& heights = heightsOfLine[static_cast<std::size_t>(lines.find(static_cast<int>(i)))];
        if (heights.size() < 3) {
            continue;
        }
        outsized[i] = pieces[i].height * 5 > median(heights) * 8;
    }

    // The stroke pixels of each horizontal line give its rotated rectangle.
    std::vector<std::vector<cv::Point>> linePoints(pieces.size());
    for (int y = 0; y < labels.rows; ++y) {
        const int* row = labels.ptr<int>(y);
        for (int x = 0; x < labels.cols; ++x) {
            if (row[x] == 0) {
                continue;
            }
            const int piece = pieceOfLabel[static_cast<std::size_t>(row[x])];
            if (piece < 0 || inColumn[static_cast<std::size_t>(piece)] ||
                outsized[static_cast<std::size_t>(piece)]) {
                continue;
            }
            linePoints[static_cast<std::size_t>(lines.find(piece))].emplace_back(x, y);
        }
    }
    for (std::vector<cv::Point>& points : linePoints) {
        if (points.size() < 30) {
            continue;
        }
        const cv::RotatedRect line = uprightLine(points);
        const float height = line.size.height;
        if (height < static_cast<float>(settings.minTextHeight) ||
            height > static_cast<float>(settings.maxTextHeight) * 1.5f || line.size.width < height * 1.2f ||
            std::abs(line.angle) > 20) {
            continue;
        }
        TextRegion region;
        region.line = line;
        region.bounds = cv::boundingRect(points) & picture;
        regions.push_back(std::move(region));
    }
    return regions;
}

} // namespace cg

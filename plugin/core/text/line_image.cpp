#include "core/text/line_image.hpp"

#include "core/text/image_components.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace cg {

namespace {

// Text is the smaller class of pixels inside its box; the margin around it is background. When the
// margin is darker than the Otsu threshold between ink and background, the text is light on dark.
void makeTextDark(cv::Mat& image, int margin)
{
    cv::Mat binary;
    const double threshold = cv::threshold(image, binary, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    double borderSum = 0;
    int borderCount = 0;
    for (int y = 0; y < image.rows; ++y) {
        const std::uint8_t* row = image.ptr<std::uint8_t>(y);
        const bool edgeRow = y < margin || y >= image.rows - margin;
        for (int x = 0; x < image.cols; x += edgeRow ? 1 : std::max(1, image.cols - 1)) {
            borderSum += row[x];
            ++borderCount;
        }
    }
    if (borderCount > 0 && borderSum / borderCount < threshold) {
        cv::bitwise_not(image, image);
    }
}

// The two thresholds that split a gray histogram into dark, middle and light with the least
// variance within the three classes (Otsu's criterion for three classes).
std::pair<int, int> threeClassThresholds(const cv::Mat& image)
{
    std::array<double, 257> count{}, sum{};
    std::array<int, 256> histogram{};
    for (int y = 0; y < image.rows; ++y) {
        const std::uint8_t* row = image.ptr<std::uint8_t>(y);
        for (int x = 0; x < image.cols; ++x) {
            ++histogram[row[x]];
        }
    }
    for (int level = 0; level < 256; ++level) {
        count[level + 1] = count[level] + histogram[level];
        sum[level + 1] = sum[level] + static_cast<double>(level) * histogram[level];
    }
    const auto between = [&](int begin, int end) { // count * mean^2 of levels [begin, end)
        const double n = count[end] - count[begin];
        const double s = sum[end] - sum[begin];
        return n > 0 ? s * s / n : 0.0;
    };
    double best = -1;
    std::pair<int, int> thresholds{85, 170};
    for (int low = 1; low < 255; ++low) {
        for (int high = low + 1; high < 256; ++high) {
            const double score = between(0, low) + between(low, high) + between(high, 256);
            if (score > best) {
                best = score;
                thresholds = {low, high};
            }
        }
    }
    return thresholds;
}

} // namespace

LineImage outlinedTextFill(const LineImage& line)
{
    if (line.vertical || line.pieces.size() != 1 || line.gray.empty()) {
        return {};
    }
    const cv::Rect text = line.pieces.front().text;
    const auto [low, high] = threeClassThresholds(line.gray);
    const cv::Mat darkMask = line.gray < low;
    const cv::Mat lightMask = line.gray >= high;
    const cv::Rect inside(1, 1, line.gray.cols - 2, line.gray.rows - 2);
    cv::Mat best;
    int bestCount = 0;
    for (const bool lightFill : {true, false}) {
        const cv::Mat& fill = lightFill ? lightMask : darkMask;
        const cv::Mat& outline = lightFill ? darkMask : lightMask;
        cv::Mat labels;
        const std::vector<ImageComponent> components = labelComponents(fill, labels, 4);
        cv::Mat kept(line.gray.size(), CV_8UC1, cv::Scalar(0));
        int keptCount = 0;
        for (std::size_t label = 1; label < components.size(); ++label) {
            const cv::Rect& box = components[label].box;
            const bool glyphHigh = box.height * 20 >= text.height * 9 && box.height * 5 <= text.height * 6;
            if (!glyphHigh || (box & inside) != box || (box & text).empty()) {
                continue;
            }
            // A glyph's fill is ringed by its outline: the pixels just around it are the other extreme.
            // The ring is taken a pixel away from the fill, past the blend between fill and outline.
            const cv::Rect around = cv::Rect(box.x - 2, box.y - 2, box.width + 4, box.height + 4) &
                                    cv::Rect({}, line.gray.size());
            const cv::Mat component = labels(around) == static_cast<int>(label);
            cv::Mat near, ring;
            cv::dilate(component, near, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
            cv::dilate(near, ring, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
            ring &= ~near;
            const int ringPixels = cv::countNonZero(ring);
            const int ringOutline = cv::countNonZero(ring & outline(around));
            if (ringPixels == 0 || ringOutline * 10 < ringPixels * 7) {
                continue;
            }
            kept(around) |= component;
            ++keptCount;
        }
        if (keptCount > bestCount) {
            bestCount = keptCount;
            best = kept;
        }
    }
    if (bestCount < 3) {
        return {};
    }
    LineImage result = line;
    result.gray = cv::Mat(line.gray.size(), CV_8UC1, cv::Scalar(255));
    result.gray.setTo(0, best);
    return result;
}

LineImage makeLineImage(const cv::Mat& gray, const TextRegion& region, double pictureToFrame,
                        int targetHeight)
{
    LineImage result;
    const auto scaled = [&](double value) { return value * pictureToFrame; };
    if (!region.vertical) {
        const double height = scaled(region.line.size.height);
        const double width = scaled(region.line.size.width);
        const double scale = std::clamp(targetHeight / height, 0.5, 4.0);
        const double pad = 0.3 * height;
        const cv::Size size(static_cast<int>(std::lround((width + 2 * pad) * scale)),
                            static_cast<int>(std::lround((height + 2 * pad) * scale)));
        const double angle = region.line.angle * CV_PI / 180.0;
        const double cosA = std::cos(angle) * scale;
        const double sinA = std::sin(angle) * scale;
        const double centreX = scaled(region.line.center.x);
        const double centreY = scaled(region.line.center.y);
        // Frame -> image: rotate by -angle about the line's centre, scale, move the centre to the middle.
        cv::Mat toImage =
            (cv::Mat_<double>(2, 3) << cosA, sinA, size.width / 2.0 - cosA * centreX - sinA * centreY, -sinA,
             cosA, size.height / 2.0 + sinA * centreX - cosA * centreY);
        cv::warpAffine(gray, result.gray, toImage, size, cv::INTER_CUBIC, cv::BORDER_REPLICATE);
        LineImage::Piece piece;
        piece.area = cv::Rect(0, 0, size.width, size.height);
        piece.text = cv::Rect(static_cast<int>(pad * scale), static_cast<int>(pad * scale),
                              static_cast<int>(width * scale), static_cast<int>(height * scale));
        cv::invertAffineTransform(toImage, piece.toFrame);
        result.pieces.push_back(piece);
        makeTextDark(result.gray, std::max(2, static_cast<int>(pad * scale / 2)));
        return result;
    }

    result.vertical = true;
    // Every character is cut with the same height, centred on it, and scaled alike: a flat "一" or a
    // short "a" keeps its size next to its neighbours instead of being blown up to the line height.
    // Cells are as wide as their character, so stacked letters are laid out like a word.
    int cellHeight = region.bounds.width;
    for (const cv::Rect& character : region.characters) {
        cellHeight = std::max(cellHeight, character.height);
    }
    const double scale = static_cast<double>(targetHeight) / std::max(1.0, scaled(cellHeight));
    const int margin = std::max(1, cellHeight / 10);
    const int gap = targetHeight / 6;
    std::vector<cv::Mat> cells;
    int width = 2 * gap;
    for (const cv::Rect& character : region.characters) {
        // Ideographs keep a square cell with room around it, as they are spaced in a horizontal line.
        const bool ideograph = character.width * 5 >= cellHeight * 4;
        const int cellWidth = ideograph ? cellHeight + 2 * margin : character.width + 2 * margin;
        const int left = character.x + character.width / 2 - cellWidth / 2;
        const int top = character.y + character.height / 2 - cellHeight / 2;
        const cv::Rect inFrame(static_cast<int>(scaled(left)), static_cast<int>(scaled(top)),
                               std::max(1, static_cast<int>(scaled(cellWidth))),
                               std::max(1, static_cast<int>(scaled(cellHeight))));
        const cv::Rect clipped = inFrame & cv::Rect(0, 0, gray.cols, gray.rows);
        if (clipped.empty()) {
            continue;
        }
        cv::Mat cell;
        cv::resize(gray(clipped), cell, cv::Size(), scale, scale, cv::INTER_CUBIC);
        LineImage::Piece piece;
        piece.area = cv::Rect(width, 2 * gap, cell.cols, cell.rows);
        piece.text = piece.area;
        piece.toFrame = (cv::Mat_<double>(2, 3) << 1 / scale, 0, clipped.x - width / scale, 0, 1 / scale,
                         clipped.y - 2 * gap / scale);
        result.pieces.push_back(piece);
        cells.push_back(cell);
        width += cell.cols + gap;
    }
    width += gap;
    if (cells.empty()) {
        return result;
    }
    // Fill the gaps with the column's own background: its median gray.
    cv::Mat column = gray(cv::Rect(cv::Point(static_cast<int>(scaled(region.bounds.x)),
                                             static_cast<int>(scaled(region.bounds.y))),
                                   cv::Size(static_cast<int>(scaled(region.bounds.width)),
                                            static_cast<int>(scaled(region.bounds.height)))) &
                          cv::Rect(0, 0, gray.cols, gray.rows));
    cv::Mat sorted = column.clone().reshape(1, 1);
    cv::sort(sorted, sorted, cv::SORT_ASCENDING);
    const std::uint8_t background = sorted.at<std::uint8_t>(0, sorted.cols / 2);
    int tallest = 0;
    for (const cv::Mat& cell : cells) {
        tallest = std::max(tallest, cell.rows);
    }
    result.gray = cv::Mat(tallest + 4 * gap, width, CV_8UC1, cv::Scalar(background));
    for (std::size_t i = 0; i < cells.size(); ++i) {
        cells[i].copyTo(result.gray(result.pieces[i].area));
    }
    makeTextDark(result.gray, gap);
    return result;
}

std::vector<Point> framePolygon(const LineImage& image, const cv::Rect& box)
{
    std::vector<cv::Point2f> corners;
    for (const LineImage::Piece& piece : image.pieces) {
        cv::Rect part = box & piece.area;
        if (image.vertical) {
            // A character's box spans its whole cell: the cell is what the box stands for.
            part = (box.x < piece.area.x + piece.area.width && piece.area.x < box.x + box.width) ? piece.area
                                                                                                 : cv::Rect{};
        }
        // Tesseract's boxes for Chinese glyphs span the whole line height it saw, margin included.
        const int textTop = std::max(part.y, piece.text.y);
        const int textBottom = std::min(part.y + part.height, piece.text.y + piece.text.height);
        if (textBottom > textTop) {
            part.y = textTop;
            part.height = textBottom - textTop;
        }
        if (part.empty()) {
            continue;
        }
        const cv::Mat& m = piece.toFrame;
        const auto map = [&](double x, double y) {
            return cv::Point2f(
                static_cast<float>(m.at<double>(0, 0) * x + m.at<double>(0, 1) * y + m.at<double>(0, 2)),
                static_cast<float>(m.at<double>(1, 0) * x + m.at<double>(1, 1) * y + m.at<double>(1, 2)));
        };
        const double left = part.x, top = part.y, right = part.x + part.width, bottom = part.y + part.height;
        corners.push_back(map(left, top));
        corners.push_back(map(right, top));
        corners.push_back(map(right, bottom));
        corners.push_back(map(left, bottom));
    }
    if (corners.empty()) {
        return {};
    }
    if (corners.size() == 4) {
        return {{corners[0].x, corners[0].y},
                {corners[1].x, corners[1].y},
                {corners[2].x, corners[2].y},
                {corners[3].x, corners[3].y}};
    }
    const cv::Rect2f bounds = cv::boundingRect(corners);
    return {{bounds.x, bounds.y},
            {bounds.x + bounds.width, bounds.y},
            {bounds.x + bounds.width, bounds.y + bounds.height},
            {bounds.x, bounds.y + bounds.height}};
}

} // namespace cg

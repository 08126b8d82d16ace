#include "unit/logos/logo_scenes.hpp"

#include "core/logos/logo_bank.hpp"

#include "core/logos/logo_templates.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace cg::test {

std::vector<Mark> loadListedMarks(const std::filesystem::path& templatesFolder)
{
    std::vector<Mark> marks;
    for (auto& logo : loadLogoTemplates(templatesFolder))
        marks.push_back({logo.slug, logo.colourBgr, logo.mask});
    return marks;
}

std::vector<Mark> loadDistractorMarks(const std::filesystem::path& folder)
{
    static const std::array<cv::Vec3b, 8> palette{{{66, 133, 244},
                                                   {96, 215, 30},
                                                   {20, 9, 229},
                                                   {113, 31, 26},
                                                   {0, 105, 255},
                                                   {253, 69, 59},
                                                   {232, 62, 92},
                                                   {23, 23, 24}}};
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".png")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<Mark> marks;
    for (std::size_t i = 0; i < files.size(); ++i) {
        cv::Mat mask = cv::imread(files[i].string(), cv::IMREAD_GRAYSCALE);
        if (!mask.empty())
            marks.push_back({files[i].stem().string(), palette.at(i % palette.size()), mask});
    }
    return marks;
}

std::vector<cv::Mat> loadBackgroundPhotos(const std::filesystem::path& sharedFolder)
{
    static const std::array<const char*, 4> usedByLogoComposites{"dlib_dog.jpg", "ocv_home.jpg",
                                                                 "ocv_building.jpg", "skimage_coffee.png"};
    std::vector<cv::Mat> photos;
    const auto folder = sharedFolder / "corpus" / "faces";
    if (!std::filesystem::is_directory(folder))
        return photos;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        const auto name = file.filename().string();
        if (std::find(usedByLogoComposites.begin(), usedByLogoComposites.end(), name) !=
            usedByLogoComposites.end())
            continue;
        cv::Mat photo = cv::imread(file.string(), cv::IMREAD_COLOR);
        if (!photo.empty())
            photos.push_back(photo);
    }
    return photos;
}

namespace {

float uniform(std::mt19937& random, float low, float high)
{
    return std::uniform_real_distribution<float>(low, high)(random);
}

int uniformInt(std::mt19937& random, int low, int high)
{
    return std::uniform_int_distribution<int>(low, high)(random);
}

cv::Mat drawnTexture(std::mt19937& random, cv::Size size)
{
    cv::Mat canvas(size, CV_8UC3);
    cv::randu(canvas, cv::Scalar::all(40), cv::Scalar::all(200));
    cv::GaussianBlur(canvas, canvas, cv::Size(0, 0), 12);
    for (int i = 0; i < 40; ++i) {
        const cv::Point a(uniformInt(random, 0, size.width), uniformInt(random, 0, size.height));
        const cv::Point b(uniformInt(random, 0, size.width), uniformInt(random, 0, size.height));
        cv::line(
            canvas, a, b,
            cv::Scalar(uniformInt(random, 0, 255), uniformInt(random, 0, 255), uniformInt(random, 0, 255)),
            uniformInt(random, 1, 6), cv::LINE_AA);
    }
    return canvas;
}

// The mark resized so that its longest side is `side` (tightly cropped first).
cv::Mat markAt(const cv::Mat& mask, int side)
{
    const cv::Mat tight = mask(cv::boundingRect(mask > 127));
    const double scale = static_cast<double>(side) / std::max(tight.cols, tight.rows);
    cv::Mat out;
    cv::resize(tight, out,
               cv::Size(std::max(1, static_cast<int>(std::lround(tight.cols * scale))),
                        std::max(1, static_cast<int>(std::lround(tight.rows * scale)))),
               0, 0, cv::INTER_AREA);
    return out;
}

struct Sticker {
    cv::Mat colour; // CV_8UC3
    cv::Mat alpha;  // CV_8U
    cv::Mat truth;  // CV_8U: what the truth box is the tight box of
};

Sticker makeSticker(const Mark& mark, MarkStyle style, int size, float markShare)
{
    Sticker s;
    const bool blackBrand = mark.colourBgr[0] < 40 && mark.colourBgr[1] < 40 && mark.colourBgr[2] < 40;
    switch (style) {
    case MarkStyle::Colour:
    case MarkStyle::White:
    case MarkStyle::Black: {
        s.alpha = markAt(mark.mask, size);
        const cv::Vec3b colour = style == MarkStyle::White   ? cv::Vec3b(255, 255, 255)
                                 : style == MarkStyle::Black ? cv::Vec3b(10, 10, 10)
                                                             : mark.colourBgr;
        s.colour = cv::Mat(s.alpha.size(), CV_8UC3, cv::Scalar(colour[0], colour[1], colour[2]));
        s.truth = s.alpha;
        break;
    }
    case MarkStyle::AppIcon: {
        s.alpha = roundedSquareMask(size, 0.22f);
        s.colour = cv::Mat(s.alpha.size(), CV_8UC3,
                           cv::Scalar(mark.colourBgr[0], mark.colourBgr[1], mark.colourBgr[2]));
        const cv::Mat glyph = markAt(
            mark.mask, std::max(4, static_cast<int>(std::lround(static_cast<float>(size) * markShare))));
        const cv::Rect at((size - glyph.cols) / 2, (size - glyph.rows) / 2, glyph.cols, glyph.rows);
        s.colour(at).setTo(cv::Scalar(255, 255, 255), glyph > 127);
        s.truth = s.alpha;
        break;
    }
    case MarkStyle::ColourOnCard: {
        const int card = static_cast<int>(std::lround(size * 1.35));
        s.alpha = roundedSquareMask(card, 0.08f);
        s.colour = cv::Mat(s.alpha.size(), CV_8UC3, cv::Scalar(250, 250, 250));
        const cv::Mat glyph = markAt(mark.mask, size);
        const cv::Rect at((card - glyph.cols) / 2, (card - glyph.rows) / 2, glyph.cols, glyph.rows);
        const cv::Vec3b colour = blackBrand ? cv::Vec3b(10, 10, 10) : mark.colourBgr;
        cv::Mat ink(glyph.size(), CV_8UC3, cv::Scalar(colour[0], colour[1], colour[2]));
        cv::Mat glyphF;
        glyph.convertTo(glyphF, CV_32F, 1.0 / 255);
        cv::Mat region = s.colour(at);
        for (int y = 0; y < glyph.rows; ++y) {
            for (int x = 0; x < glyph.cols; ++x) {
                const float a = glyphF.at<float>(y, x);
                auto& pixel = region.at<cv::Vec3b>(y, x);
                for (int c = 0; c < 3; ++c)
                    pixel[c] = cv::saturate_cast<uchar>(pixel[c] * (1 - a) + ink.at<cv::Vec3b>(y, x)[c] * a);
            }
        }
        s.truth = cv::Mat::zeros(s.alpha.size(), CV_8U);
        glyph.copyTo(s.truth(at));
        break;
    }
    }
    return s;
}

} // namespace

cv::Mat backgroundPicture(std::mt19937& random, const std::vector<cv::Mat>& photos, cv::Size size)
{
    if (photos.empty())
        return drawnTexture(random, size);
    const cv::Mat& photo =
        photos[static_cast<std::size_t>(uniformInt(random, 0, static_cast<int>(photos.size()) - 1))];
    // A random crop of 60-100% of the photo, stretched a little at most, to the frame size.
    const float share = uniform(random, 0.6f, 1.0f);
    const double aspect = static_cast<double>(size.width) / size.height;
    int w = static_cast<int>(static_cast<float>(photo.cols) * share);
    int h = static_cast<int>(w / aspect);
    if (h > photo.rows) {
        h = static_cast<int>(static_cast<float>(photo.rows) * share);
        w = std::min(photo.cols, static_cast<int>(h * aspect));
    }
    const cv::Rect crop(uniformInt(random, 0, photo.cols - w), uniformInt(random, 0, photo.rows - h), w, h);
    cv::Mat out;
    cv::resize(photo(crop), out, size, 0, 0, cv::INTER_LINEAR);
    if (uniformInt(random, 0, 1) == 1)
        cv::flip(out, out, 1);
    return out;
}

PlacedMark drawMark(cv::Mat& canvas, const Mark& mark, const MarkPlacement& placement, std::mt19937& random)
{
    // App icons draw their mark at anywhere from half the square to about four fifths of it.
    const Sticker sticker = makeSticker(mark, placement.style, placement.size, uniform(random, 0.5f, 0.8f));
    const auto w = static_cast<float>(sticker.alpha.cols);
    const auto h = static_cast<float>(sticker.alpha.rows);
    const std::array<cv::Point2f, 4> source{cv::Point2f(0, 0), cv::Point2f(w, 0), cv::Point2f(w, h),
                                            cv::Point2f(0, h)};
    std::array<cv::Point2f, 4> target{};
    const float radians = placement.angleDeg * static_cast<float>(CV_PI) / 180.0f;
    const float jitter = placement.tilt * static_cast<float>(placement.size);
    const float turn = placement.turnDeg * static_cast<float>(CV_PI) / 180.0f;
    const float focal = placement.focalShare * std::max(w, h);
    for (std::size_t i = 0; i < 4; ++i) {
        cv::Point2f p = source.at(i) - cv::Point2f(w / 2, h / 2);
        if (turn != 0) {
            // Turned about an axis through its centre, then seen through a pinhole lens.
            const float along = placement.turnAboutVerticalAxis ? p.x : p.y;
            const float depth = along * std::sin(turn);
            const float perspective = focal / (focal + depth);
            p = placement.turnAboutVerticalAxis ? cv::Point2f(p.x * std::cos(turn), p.y) * perspective
                                                : cv::Point2f(p.x, p.y * std::cos(turn)) * perspective;
        }
        const cv::Point2f shake =
            turn != 0 ? cv::Point2f(0, 0)
                      : cv::Point2f(uniform(random, -jitter, jitter), uniform(random, -jitter, jitter));
        target.at(i) = cv::Point2f(p.x * std::cos(radians) - p.y * std::sin(radians),
                                   p.x * std::sin(radians) + p.y * std::cos(radians)) +
                       placement.centre + shake;
    }
    const cv::Mat homography = cv::getPerspectiveTransform(source.data(), target.data());
    const cv::Rect area = cv::boundingRect(std::vector<cv::Point2f>(target.begin(), target.end())) &
                          cv::Rect(0, 0, canvas.cols, canvas.rows);
    cv::Mat shift = cv::Mat::eye(3, 3, CV_64F);
    shift.at<double>(0, 2) = -area.x;
    shift.at<double>(1, 2) = -area.y;
    const cv::Mat local = shift * homography;
    cv::Mat colour;
    cv::Mat alpha;
    cv::Mat truth;
    cv::warpPerspective(sticker.colour, colour, local, area.size(), cv::INTER_LINEAR);
    cv::warpPerspective(sticker.alpha, alpha, local, area.size(), cv::INTER_LINEAR);
    cv::warpPerspective(sticker.truth, truth, local, area.size(), cv::INTER_LINEAR);
    cv::Mat region = canvas(area);
    for (int y = 0; y < area.height; ++y) {
        for (int x = 0; x < area.width; ++x) {
            const float a = alpha.at<uchar>(y, x) / 255.0f * placement.opacity;
            auto& pixel = region.at<cv::Vec3b>(y, x);
            const auto& ink = colour.at<cv::Vec3b>(y, x);
            for (int c = 0; c < 3; ++c)
                pixel[c] = cv::saturate_cast<uchar>(pixel[c] * (1 - a) + ink[c] * a);
        }
    }
    cv::Rect box = cv::boundingRect(truth > 127);
    box.x += area.x;
    box.y += area.y;
    return {mark.slug, placement.style, box, placement.angleDeg};
}

LogoScene makeLogoScene(std::uint32_t seed, const std::vector<Mark>& listed,
                        const std::vector<Mark>& distractors, const std::vector<cv::Mat>& photos,
                        const SceneOptions& options)
{
    std::mt19937 random(seed);
    LogoScene scene;
    scene.bgr = backgroundPicture(random, photos, options.size);
    // Some frames carry a lower-third banner with handle text, or plain coloured tiles: the
    // surroundings marks are often shown in, and shapes that must not be mistaken for app icons.
    if (uniformInt(random, 0, 2) == 0) {
        const int top = options.size.height - uniformInt(random, 60, 110);
        cv::Mat strip = scene.bgr(cv::Rect(0, top, options.size.width, options.size.height - top));
        strip.convertTo(strip, -1, 0.35, 0);
        cv::putText(scene.bgr, "follow @live_shop_2026  |  new drops every night",
                    cv::Point(uniformInt(random, 300, 500), top + 40), cv::FONT_HERSHEY_SIMPLEX, 0.8,
                    cv::Scalar(255, 255, 255), 2, cv::LINE_AA);
    }
    if (uniformInt(random, 0, 2) == 0) {
        for (int i = 0; i < 4; ++i) {
            const int side = uniformInt(random, 30, 90);
            const cv::Mat square = roundedSquareMask(side, 0.22f);
            const cv::Rect at(uniformInt(random, 0, options.size.width - side),
                              uniformInt(random, 0, options.size.height - side), side, side);
            scene.bgr(at).setTo(cv::Scalar(uniformInt(random, 0, 255), uniformInt(random, 0, 255),
                                           uniformInt(random, 0, 255)),
                                square);
        }
    }

    std::vector<cv::Rect> taken;
    const auto place = [&](const Mark& mark) -> std::optional<PlacedMark> {
        MarkPlacement placement;
        placement.style = static_cast<MarkStyle>(uniformInt(random, 0, 4));
        // Sizes spread evenly on a log scale so that small marks are as well represented as big ones.
        placement.size = static_cast<int>(
            std::lround(std::exp(uniform(random, std::log(static_cast<float>(options.minSize)),
                                         std::log(static_cast<float>(options.maxSize))))));
        placement.angleDeg = uniformInt(random, 0, 1) == 0 ? 0.0f : uniform(random, -40, 40);
        // Half upright, a third slightly tilted, the rest strongly (a poster or phone turned away).
        const int tiltKind = uniformInt(random, 0, 5);
        placement.tilt = tiltKind < 3   ? 0.0f
                         : tiltKind < 5 ? uniform(random, 0.0f, 0.12f)
                                        : uniform(random, 0.12f, 0.22f);
        placement.opacity = uniformInt(random, 0, 2) == 0 ? uniform(random, 0.6f, 0.95f) : 1.0f;
        if (options.turnedAwayShare > 0 && uniform(random, 0.0f, 1.0f) < options.turnedAwayShare) {
            // Posters and phones: a card or an app icon, barely rolled, turned well away.
            placement.style = uniformInt(random, 0, 1) == 0 ? MarkStyle::ColourOnCard : MarkStyle::AppIcon;
            placement.angleDeg = uniform(random, -10, 10);
            placement.turnDeg = (uniformInt(random, 0, 1) == 0 ? -1.0f : 1.0f) * uniform(random, 30, 60);
            placement.turnAboutVerticalAxis = uniformInt(random, 0, 2) != 0;
            placement.focalShare = uniform(random, 1.2f, 3.0f);
        }
        const int margin = placement.size;
        for (int attempt = 0; attempt < 20; ++attempt) {
            placement.centre = cv::Point2f(
                uniform(random, static_cast<float>(margin), static_cast<float>(options.size.width - margin)),
                uniform(random, static_cast<float>(margin),
                        static_cast<float>(options.size.height - margin)));
            const int reach = placement.size; // generous: cards and tilts reach further than the mark
            const cv::Rect footprint(static_cast<int>(placement.centre.x) - reach,
                                     static_cast<int>(placement.centre.y) - reach, 2 * reach, 2 * reach);
            if (std::none_of(taken.begin(), taken.end(),
                             [&](const cv::Rect& r) { return (r & footprint).area() > 0; })) {
                taken.push_back(footprint);
                return drawMark(scene.bgr, mark, placement, random);
            }
        }
        return std::nullopt;
    };

    if (!options.negative) {
        const int count = uniformInt(random, 1, options.maxLogos);
        for (int i = 0; i < count; ++i) {
            const auto& mark =
                listed[static_cast<std::size_t>(uniformInt(random, 0, static_cast<int>(listed.size()) - 1))];
            if (auto placed = place(mark))
                scene.logos.push_back(*placed);
        }
    }
    const int distractorCount = options.negative ? uniformInt(random, 1, std::max(1, options.maxDistractors))
                                                 : uniformInt(random, 0, options.maxDistractors);
    for (int i = 0; i < distractorCount && !distractors.empty(); ++i) {
        const auto& mark = distractors[static_cast<std::size_t>(
            uniformInt(random, 0, static_cast<int>(distractors.size()) - 1))];
        if (auto placed = place(mark))
            scene.distractors.push_back(*placed);
    }

    if (uniformInt(random, 0, 9) < 3)
        cv::GaussianBlur(scene.bgr, scene.bgr, cv::Size(0, 0), uniform(random, 0.5f, 1.1f));
    std::vector<uchar> jpeg;
    cv::imencode(".jpg", scene.bgr, jpeg, {cv::IMWRITE_JPEG_QUALITY, uniformInt(random, 60, 90)});
    scene.bgr = cv::imdecode(jpeg, cv::IMREAD_COLOR);
    return scene;
}

} // namespace cg::test

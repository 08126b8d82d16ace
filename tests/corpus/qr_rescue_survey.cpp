// Measures candidate rescue strategies for 2D codes that ZXing located but could not decode
// (ZXing returnErrors), region by region, on the corpus frames: which photos each strategy adds,
// what else it reports, and what it costs. Not a test: it only prints (tests/bench/RESULTS.md).
//
//   cg_qr_rescue_survey [SHARED_DIR]
#include "corpus/qr_corpus.hpp"

#include <ZXing/ReadBarcode.h>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace {

using Texts = std::vector<std::string>;

// A located-but-undecoded code: its crop (with margin) and its corners in crop coordinates.
struct Region {
    cv::Mat crop;
    std::vector<cv::Point2f> corners;
};
using Strategy = std::function<Texts(const Region&)>;

Texts read(const cv::Mat& gray, const ZXing::ReaderOptions& options)
{
    const ZXing::ImageView view(gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum,
                                static_cast<int>(gray.step));
    Texts texts;
    for (const auto& barcode : ZXing::ReadBarcodes(view, options)) {
        if (barcode.isValid()) {
            texts.push_back(barcode.text());
        }
    }
    return texts;
}

ZXing::ReaderOptions zxing(ZXing::Binarizer binarizer = ZXing::Binarizer::LocalAverage)
{
    ZXing::ReaderOptions o;
    o.setFormats(ZXing::BarcodeFormat::MatrixCodes)
        .setTryHarder(true)
        .setTryInvert(true)
        .setBinarizer(binarizer);
    return o;
}

// What the detector's whole-frame read gives: decoded texts, and the located-but-undecoded regions
// (largest first, at most 6, as CodeDetector's rescue pass takes them).
struct FrameLook {
    Texts decoded;
    std::vector<Region> regions;
};

FrameLook lookAt(const cv::Mat& gray)
{
    ZXing::ReaderOptions o;
    o.setTryHarder(true).setTryRotate(true).setTryInvert(true).setTryDownscale(true).setReturnErrors(true);
    o.setFormats(ZXing::BarcodeFormat::MatrixCodes);
    const ZXing::ImageView view(gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum,
                                static_cast<int>(gray.step));
    FrameLook look;
    auto& regions = look.regions;
    for (const auto& b : ZXing::ReadBarcodes(view, o)) {
        if (b.isValid()) {
            look.decoded.push_back(b.text());
            continue;
        }
        std::vector<cv::Point2f> corners;
        for (int i = 0; i < 4; ++i) {
            corners.emplace_back(float(b.position()[i].x), float(b.position()[i].y));
        }
        const cv::Rect box = cv::boundingRect(corners);
        const int margin = int(0.35 * std::max(box.width, box.height)) + 4;
        const cv::Rect wanted =
            cv::Rect(box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin) &
            cv::Rect(0, 0, gray.cols, gray.rows);
        if (wanted.width < 8 || wanted.height < 8) {
            continue;
        }
        Region r;
        r.crop = gray(wanted).clone();
        for (auto& c : corners) {
            r.corners.push_back(c - cv::Point2f(float(wanted.x), float(wanted.y)));
        }
        regions.push_back(std::move(r));
    }
    std::sort(regions.begin(), regions.end(),
              [](const Region& a, const Region& b) { return a.crop.total() > b.crop.total(); });
    if (regions.size() > 6) {
        regions.resize(6);
    }
    return look;
}

Region scaledTo(const Region& r, int size)
{
    const double f = std::max(1.0, double(size) / std::max(r.crop.cols, r.crop.rows));
    Region s;
    cv::resize(r.crop, s.crop, cv::Size(), f, f, f > 1 ? cv::INTER_CUBIC : cv::INTER_AREA);
    for (const auto& c : r.corners) {
        s.corners.push_back(c * float(f));
    }
    return s;
}

Texts one(const std::string& text)
{
    return text.empty() ? Texts{} : Texts{text};
}

cv::Mat unsharp(const cv::Mat& g, double sigma, double amount)
{
    cv::Mat blurred;
    cv::GaussianBlur(g, blurred, {0, 0}, sigma);
    cv::Mat out;
    cv::addWeighted(g, 1 + amount, blurred, -amount, 0, out);
    return out;
}

cv::Mat clahe(const cv::Mat& g)
{
    cv::Mat out;
    cv::createCLAHE(2.0, {8, 8})->apply(g, out);
    return out;
}

// The located quad warped to a square of `side` px with a quiet zone of `quiet` px.
cv::Mat rectified(const Region& r, int side, int quiet)
{
    const std::vector<cv::Point2f> dst = {{float(quiet), float(quiet)},
                                          {float(quiet + side), float(quiet)},
                                          {float(quiet + side), float(quiet + side)},
                                          {float(quiet), float(quiet + side)}};
    cv::Mat out;
    cv::warpPerspective(r.crop, out, cv::getPerspectiveTransform(r.corners, dst),
                        cv::Size(side + 2 * quiet, side + 2 * quiet), cv::INTER_CUBIC, cv::BORDER_REPLICATE);
    return out;
}

Strategy curvedAt(int size)
{
    return [=](const Region& r) {
        cv::QRCodeDetector d;
        return one(d.detectAndDecodeCurved(size > 0 ? scaledTo(r, size).crop : r.crop));
    };
}

// Tries each strategy in turn until one decodes.
Strategy firstOf(std::vector<Strategy> ladder)
{
    return [=](const Region& r) {
        for (const auto& s : ladder) {
            if (auto texts = s(r); !texts.empty()) {
                return texts;
            }
        }
        return Texts{};
    };
}

std::vector<std::pair<std::string, Strategy>> strategies()
{
    std::vector<std::pair<std::string, Strategy>> all = {
        {"zxing enlarged 400 (current)",
         [=](const Region& r) { return read(scaledTo(r, 400).crop, zxing()); }},
        {"opencv detectAndDecodeCurved crop",
         [](const Region& r) {
             cv::QRCodeDetector d;
             return one(d.detectAndDecodeCurved(r.crop));
         }},
        {"opencv detectAndDecodeCurved 400",
         [](const Region& r) {
             cv::QRCodeDetector d;
             return one(d.detectAndDecodeCurved(scaledTo(r, 400).crop));
         }},
        {"opencv detectAndDecodeCurved 300",
         [](const Region& r) {
             cv::QRCodeDetector d;
             return one(d.detectAndDecodeCurved(scaledTo(r, 300).crop));
         }},
        {"opencv detectAndDecodeCurved 500",
         [](const Region& r) {
             cv::QRCodeDetector d;
             return one(d.detectAndDecodeCurved(scaledTo(r, 500).crop));
         }},
        {"opencv detectAndDecodeCurved 600",
         [](const Region& r) {
             cv::QRCodeDetector d;
             return one(d.detectAndDecodeCurved(scaledTo(r, 600).crop));
         }},
        {"opencv detectAndDecodeCurved 800",
         [](const Region& r) {
             cv::QRCodeDetector d;
             return one(d.detectAndDecodeCurved(scaledTo(r, 800).crop));
         }},
        {"opencv detectAndDecodeCurved x2",
         [](const Region& r) {
             cv::QRCodeDetector d;
             cv::Mat big;
             cv::resize(r.crop, big, cv::Size(), 2, 2, cv::INTER_CUBIC);
             return one(d.detectAndDecodeCurved(big));
         }},
        {"opencv detectAndDecodeCurved 400 clahe",
         [](const Region& r) {
             cv::QRCodeDetector d;
             return one(d.detectAndDecodeCurved(clahe(scaledTo(r, 400).crop)));
         }},
        {"opencv detectAndDecodeCurved 400 unsharp",
         [](const Region& r) {
             cv::QRCodeDetector d;
             return one(d.detectAndDecodeCurved(unsharp(scaledTo(r, 400).crop, 2, 1)));
         }},
        {"opencv decodeCurved zxing corners 400",
         [](const Region& r) {
             const Region s = scaledTo(r, 400);
             cv::QRCodeDetector d;
             return one(d.decodeCurved(s.crop, s.corners));
         }},
        {"opencv decode zxing corners 400",
         [](const Region& r) {
             const Region s = scaledTo(r, 400);
             cv::QRCodeDetector d;
             return one(d.decode(s.crop, s.corners));
         }},
        {"opencv detectAndDecode 400",
         [](const Region& r) {
             cv::QRCodeDetector d;
             return one(d.detectAndDecode(scaledTo(r, 400).crop));
         }},
        {"opencv aruco detectAndDecode 400",
         [](const Region& r) {
             cv::QRCodeDetectorAruco d;
             return one(d.detectAndDecode(scaledTo(r, 400).crop));
         }},
        {"opencv aruco decode zxing corners 400",
         [](const Region& r) {
             const Region s = scaledTo(r, 400);
             cv::QRCodeDetectorAruco d;
             return one(d.decode(s.crop, s.corners));
         }},
        {"zxing clahe 400", [=](const Region& r) { return read(clahe(scaledTo(r, 400).crop), zxing()); }},
        {"zxing unsharp 400",
         [=](const Region& r) { return read(unsharp(scaledTo(r, 400).crop, 2, 1), zxing()); }},
        {"zxing unsharp 600",
         [=](const Region& r) { return read(unsharp(scaledTo(r, 600).crop, 3, 1.5), zxing()); }},
        {"zxing GlobalHistogram 400",
         [=](const Region& r) {
             return read(scaledTo(r, 400).crop, zxing(ZXing::Binarizer::GlobalHistogram));
         }},
        {"zxing FixedThreshold 400",
         [=](const Region& r) {
             return read(scaledTo(r, 400).crop, zxing(ZXing::Binarizer::FixedThreshold));
         }},
        {"zxing rectified 400 pure",
         [=](const Region& r) {
             auto o = zxing();
             o.setIsPure(true);
             return read(rectified(r, 400, 0), o);
         }},
        {"zxing rectified 400+quiet", [=](const Region& r) { return read(rectified(r, 400, 40), zxing()); }},
        {"opencv curved rectified 400+quiet",
         [](const Region& r) {
             cv::QRCodeDetector d;
             return one(d.detectAndDecodeCurved(rectified(r, 400, 40)));
         }},
        {"ladder curved 400,600", firstOf({curvedAt(400), curvedAt(600)})},
        {"ladder curved native,400,600", firstOf({curvedAt(0), curvedAt(400), curvedAt(600)})},
        {"ladder curved 300,400,600,800",
         firstOf({curvedAt(300), curvedAt(400), curvedAt(600), curvedAt(800)})},
        {"ladder curved 400,560,800", firstOf({curvedAt(400), curvedAt(560), curvedAt(800)})},
    };
    return all;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string shared = argc > 1 ? argv[1] : CG_SHARED_DIR;
    const auto corpus = cg::corpus::findCorpus(shared);
    if (corpus.empty()) {
        std::printf("no corpus under %s\n", shared.c_str());
        return 0;
    }
    const auto all = strategies();
    // Besides the corpus frames as composed, the positive frames resized by 0.85 and 1.15 check that
    // a strategy's gains do not hinge on one exact pixel size of the codes.
    const std::vector<std::pair<std::string, double>> runs = {
        {"positive", 1.0}, {"negative", 1.0}, {"synthetic", 1.0}, {"positive", 0.85}, {"positive", 1.15}};
    for (const auto& [folder, frameScale] : runs) {
        auto samples = cg::corpus::loadQrSamples(corpus, folder);
        for (auto& sample : samples) {
            if (frameScale != 1.0) {
                cv::resize(sample.frame, sample.frame, cv::Size(), frameScale, frameScale, cv::INTER_AREA);
            }
        }
        std::vector<FrameLook> looks;
        int regionCount = 0;
        int wholeFrameHits = 0;
        for (const auto& sample : samples) {
            cv::Mat g;
            cv::cvtColor(sample.frame, g, cv::COLOR_BGRA2GRAY);
            looks.push_back(lookAt(g));
            regionCount += int(looks.back().regions.size());
            const auto& decoded = looks.back().decoded;
            wholeFrameHits += sample.hasCode &&
                              std::find(decoded.begin(), decoded.end(), sample.expectedText) != decoded.end();
        }
        std::printf(
            "\n== %s x%.2f (%zu frames; whole-frame read decodes %d; %d located-but-undecoded regions)\n",
            folder.c_str(), frameScale, samples.size(), wholeFrameHits, regionCount);
        for (const auto& [name, strategy] : all) {
            int total = 0;
            std::string added;
            std::string others;
            std::vector<double> frameMs;
            for (size_t i = 0; i < samples.size(); ++i) {
                const auto& look = looks[i];
                bool hit = samples[i].hasCode && std::find(look.decoded.begin(), look.decoded.end(),
                                                           samples[i].expectedText) != look.decoded.end();
                const bool wholeFrameHit = hit;
                const auto start = std::chrono::steady_clock::now();
                for (const auto& region : look.regions) {
                    for (const auto& t : strategy(region)) {
                        if (samples[i].hasCode && t == samples[i].expectedText) {
                            hit = true;
                        } else if (std::find(look.decoded.begin(), look.decoded.end(), t) ==
                                   look.decoded.end()) {
                            others += " [" + samples[i].file + ": " + t.substr(0, 40) + "]";
                        }
                    }
                }
                frameMs.push_back(
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                        .count());
                total += hit;
                if (hit && !wholeFrameHit) {
                    added += " " + samples[i].file.substr(samples[i].file.rfind('/') + 1);
                }
            }
            std::sort(frameMs.begin(), frameMs.end());
            std::printf("%-40s frames %2d  added ms/frame median %5.1f max %6.1f  new:%s%s%s\n", name.c_str(),
                        total, frameMs[frameMs.size() / 2], frameMs.back(), added.c_str(),
                        others.empty() ? "" : "  OTHER:", others.c_str());
        }
    }
    return 0;
}

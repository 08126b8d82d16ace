// Measures candidate decoding passes one by one on the corpus frames, so that the passes the
// CodeDetector runs are chosen by numbers (tests/bench/RESULTS.md). Not a test: it only prints.
//
//   cg_qr_pass_survey [SHARED_DIR]
#include "corpus/qr_corpus.hpp"

#include <ZXing/ReadBarcode.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace {

using Texts = std::vector<std::string>;
using Pass = std::function<Texts(const cv::Mat& gray)>;

Texts read(const cv::Mat& gray, const ZXing::ReaderOptions& options)
{
    const ZXing::ImageView view(gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum,
                                static_cast<int>(gray.step));
    Texts texts;
    for (const auto& barcode : ZXing::ReadBarcodes(view, options)) {
        texts.push_back(barcode.text());
    }
    return texts;
}

ZXing::ReaderOptions options(ZXing::Binarizer binarizer)
{
    ZXing::ReaderOptions o;
    o.setFormats(ZXing::BarcodeFormat::Any).setTryHarder(true).setBinarizer(binarizer);
    return o;
}

Pass scaled(double factor, ZXing::ReaderOptions o, int interpolation = cv::INTER_LINEAR)
{
    return [=](const cv::Mat& gray) {
        cv::Mat resized;
        cv::resize(gray, resized, cv::Size(), factor, factor, interpolation);
        return read(resized, o);
    };
}

double medianOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
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
    const auto lum = ZXing::Binarizer::LocalAverage;
    const auto global = ZXing::Binarizer::GlobalHistogram;
    std::vector<std::pair<std::string, Pass>> passes = {
        {"full LocalAverage (baseline)", [=](const cv::Mat& g) { return read(g, options(lum)); }},
        {"full median3",
         [=](const cv::Mat& g) {
             cv::Mat m;
             cv::medianBlur(g, m, 3);
             return read(m, options(lum));
         }},
        {"full GlobalHistogram", [=](const cv::Mat& g) { return read(g, options(global)); }},
        {"full FixedThreshold",
         [=](const cv::Mat& g) { return read(g, options(ZXing::Binarizer::FixedThreshold)); }},
        {"x0.5 LocalAverage", scaled(0.5, options(lum), cv::INTER_AREA)},
        {"x1.5 LocalAverage", scaled(1.5, options(lum))},
        {"x2 LocalAverage linear", scaled(2.0, options(lum))},
        {"x2 LocalAverage cubic", scaled(2.0, options(lum), cv::INTER_CUBIC)},
        {"x2 GlobalHistogram", scaled(2.0, options(global))},
        {"x3 LocalAverage", scaled(3.0, options(lum))},
    };
    for (const std::string folder : {"positive", "synthetic", "negative"}) {
        const auto samples = cg::corpus::loadQrSamples(corpus, folder);
        std::vector<cv::Mat> grays;
        for (const auto& s : samples) {
            cv::Mat g;
            cv::cvtColor(s.frame, g, cv::COLOR_BGRA2GRAY);
            grays.push_back(g);
        }
        std::printf("\n== %s (%zu frames)\n", folder.c_str(), samples.size());
        for (const auto& [name, pass] : passes) {
            int hits = 0;
            int wrong = 0;
            std::string hitList;
            std::vector<double> ms;
            for (size_t i = 0; i < samples.size(); ++i) {
                const auto start = std::chrono::steady_clock::now();
                const Texts texts = pass(grays[i]);
                ms.push_back(
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                        .count());
                const bool hit = samples[i].hasCode && std::find(texts.begin(), texts.end(),
                                                                 samples[i].expectedText) != texts.end();
                hits += hit;
                for (const auto& t : texts) {
                    wrong += t != samples[i].expectedText;
                }
                hitList += hit ? '1' : '.';
            }
            std::printf("%-32s hits %2d  other texts %2d  median %7.1f ms  %s\n", name.c_str(), hits, wrong,
                        medianOf(ms), hitList.c_str());
        }
    }
    return 0;
}

#include "corpus/qr_corpus.hpp"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cg::corpus {

namespace fs = std::filesystem;

namespace {

std::string readBytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

cv::Mat toBgra(const cv::Mat& image)
{
    cv::Mat bgra;
    switch (image.channels()) {
    case 1:
        cv::cvtColor(image, bgra, cv::COLOR_GRAY2BGRA);
        break;
    case 3:
        cv::cvtColor(image, bgra, cv::COLOR_BGR2BGRA);
        break;
    default:
        bgra = image.clone();
        break;
    }
    return bgra;
}

// Alpha-blends a transparent image over what is already on the canvas, as OBS would composite it.
void blendOnto(cv::Mat& canvasRegion, const cv::Mat& bgra)
{
    for (int y = 0; y < bgra.rows; ++y) {
        const auto* src = bgra.ptr<cv::Vec4b>(y);
        auto* dst = canvasRegion.ptr<cv::Vec4b>(y);
        for (int x = 0; x < bgra.cols; ++x) {
            const int alpha = src[x][3];
            for (int c = 0; c < 3; ++c) {
                dst[x][c] = static_cast<uchar>((src[x][c] * alpha + dst[x][c] * (255 - alpha)) / 255);
            }
            dst[x][3] = 255;
        }
    }
}

} // namespace

fs::path findCorpus(const fs::path& sharedDir)
{
    const fs::path corpus = sharedDir / "corpus";
    if (fs::exists(corpus / "truth.json") && fs::is_directory(corpus / "qr")) {
        return corpus;
    }
    return {};
}

cv::Mat texturedCanvas(int width, int height, unsigned seed)
{
    cv::Mat gray(height, width, CV_8UC1);
    for (int y = 0; y < height; ++y) {
        auto* row = gray.ptr<uchar>(y);
        for (int x = 0; x < width; ++x) {
            row[x] = static_cast<uchar>(110 + 30 * x / width + 20 * y / height);
        }
    }
    cv::Mat noise(height, width, CV_16SC1);
    cv::RNG rng(seed);
    rng.fill(noise, cv::RNG::NORMAL, 0, 6);
    cv::GaussianBlur(noise, noise, cv::Size(3, 3), 0);
    cv::Mat wide;
    gray.convertTo(wide, CV_16SC1);
    cv::Mat textured;
    cv::add(wide, noise, wide);
    wide.convertTo(textured, CV_8UC1);
    cv::Mat bgra;
    cv::cvtColor(textured, bgra, cv::COLOR_GRAY2BGRA);
    return bgra;
}

void pasteAtOwnSize(cv::Mat& canvas, const cv::Mat& image, double placementX, double placementY)
{
    constexpr int kMargin = 16;
    cv::Mat bgra = toBgra(image);
    const double fit = std::min(
        {1.0, double(canvas.cols - 2 * kMargin) / bgra.cols, double(canvas.rows - 2 * kMargin) / bgra.rows});
    if (fit < 1.0) {
        cv::resize(bgra, bgra, cv::Size(), fit, fit, cv::INTER_AREA);
    }
    const int x = kMargin + static_cast<int>((canvas.cols - 2 * kMargin - bgra.cols) * placementX);
    const int y = kMargin + static_cast<int>((canvas.rows - 2 * kMargin - bgra.rows) * placementY);
    cv::Mat region = canvas(cv::Rect(x, y, bgra.cols, bgra.rows));
    blendOnto(region, bgra);
}

std::vector<QrSample> loadQrSamples(const fs::path& corpusDir, const std::string& subfolder)
{
    const auto truth = nlohmann::json::parse(readBytes(corpusDir / "truth.json"));
    const std::string prefix = "qr/" + subfolder + "/";
    std::vector<QrSample> samples;
    unsigned index = 0;
    for (const auto& entry : truth.at("qr")) {
        const std::string file = entry.at("file").get<std::string>();
        if (file.rfind(prefix, 0) != 0) {
            continue;
        }
        const cv::Mat image = cv::imread((corpusDir / file).string(), cv::IMREAD_UNCHANGED);
        if (image.empty()) {
            throw std::runtime_error("cannot decode " + (corpusDir / file).string());
        }
        QrSample sample;
        sample.file = file;
        sample.hasCode = entry.at("qr").get<bool>();
        if (sample.hasCode) {
            sample.expectedText = readBytes(corpusDir / entry.at("expected_file").get<std::string>());
            sample.frame = texturedCanvas(kCanvasWidth, kCanvasHeight, 1000 + index);
            // Spread the images over the canvas so codes also land near edges and corners.
            pasteAtOwnSize(sample.frame, image, (index * 37 % 100) / 100.0, (index * 61 % 100) / 100.0);
        } else {
            cv::Mat scaled;
            cv::resize(toBgra(image), scaled, cv::Size(kCanvasWidth, kCanvasHeight), 0, 0, cv::INTER_AREA);
            sample.frame = scaled;
        }
        samples.push_back(std::move(sample));
        ++index;
    }
    return samples;
}

} // namespace cg::corpus

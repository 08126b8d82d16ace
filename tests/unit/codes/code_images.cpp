#include "unit/codes/code_images.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace cg::test {

cv::Mat renderCode(ZXing::BarcodeFormat format, const std::string& text, int moduleSize, int quietModules,
                   int barHeight)
{
    const ZXing::BitMatrix bits = ZXing::MultiFormatWriter(format)
                                      .setMargin(0)
                                      .setEncoding(ZXing::CharacterSet::UTF8)
                                      .encode(text, 0, 0);
    const bool linear =
        bits.height() <= 1 || ZXing::BarcodeFormats(ZXing::BarcodeFormat::LinearCodes).testFlag(format);
    const int rows = linear ? 1 : bits.height();
    cv::Mat modules(rows, bits.width(), CV_8UC1);
    for (int y = 0; y < rows; ++y) {
        for (int x = 0; x < bits.width(); ++x) {
            modules.at<uchar>(y, x) = bits.get(x, y) ? 0 : 255;
        }
    }
    cv::Mat scaled;
    const int height = linear ? barHeight : rows * moduleSize; // the PDF417 writer already repeats rows
    cv::resize(modules, scaled, cv::Size(bits.width() * moduleSize, height), 0, 0, cv::INTER_NEAREST);
    // 1D symbologies need a wider quiet zone on their sides (EAN: 7 to 11 modules).
    const int quiet = (linear ? std::max(quietModules, 11) : quietModules) * moduleSize;
    cv::Mat withQuietZone;
    cv::copyMakeBorder(scaled, withQuietZone, linear ? moduleSize * 2 : quiet,
                       linear ? moduleSize * 2 : quiet, quiet, quiet, cv::BORDER_CONSTANT, cv::Scalar(255));
    return withQuietZone;
}

cv::Mat grayCanvas(int width, int height, unsigned seed)
{
    cv::Mat canvas(height, width, CV_8UC1);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            canvas.at<uchar>(y, x) = static_cast<uchar>(90 + 60 * x / width + 30 * y / height);
        }
    }
    cv::Mat noise(height, width, CV_16SC1);
    cv::RNG(seed).fill(noise, cv::RNG::NORMAL, 0, 5);
    cv::Mat wide;
    canvas.convertTo(wide, CV_16SC1);
    wide += noise;
    wide.convertTo(canvas, CV_8UC1);
    return canvas;
}

void place(cv::Mat& canvas, const cv::Mat& image, int x, int y)
{
    image.copyTo(canvas(cv::Rect(x, y, image.cols, image.rows)));
}

} // namespace cg::test

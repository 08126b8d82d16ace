#include "corpus/face_corpus.hpp"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace cg::corpus {

namespace {

nlohmann::json readTruth(const std::filesystem::path& corpusDir)
{
    std::ifstream in(corpusDir / "truth.json");
    if (!in)
        throw std::runtime_error("cannot read " + (corpusDir / "truth.json").string());
    return nlohmann::json::parse(in);
}

} // namespace

cv::Mat letterbox(const cv::Mat& image, int width, int height, std::vector<cv::Rect>* boxes)
{
    const double scale =
        std::min(static_cast<double>(width) / image.cols, static_cast<double>(height) / image.rows);
    const int scaledWidth = std::max(1, static_cast<int>(image.cols * scale + 0.5));
    const int scaledHeight = std::max(1, static_cast<int>(image.rows * scale + 0.5));
    cv::Mat scaled;
    cv::resize(image, scaled, cv::Size(scaledWidth, scaledHeight), 0, 0,
               scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::Mat canvas(height, width, image.type(), cv::Scalar::all(128));
    const int left = (width - scaledWidth) / 2;
    const int top = (height - scaledHeight) / 2;
    scaled.copyTo(canvas(cv::Rect(left, top, scaledWidth, scaledHeight)));
    if (boxes != nullptr) {
        for (cv::Rect& box : *boxes) {
            box = cv::Rect(left + static_cast<int>(box.x * scale), top + static_cast<int>(box.y * scale),
                           static_cast<int>(box.width * scale), static_cast<int>(box.height * scale));
        }
    }
    return canvas;
}

std::vector<FaceSample> loadFaceSamples(const std::filesystem::path& corpusDir)
{
    std::vector<FaceSample> samples;
    const nlohmann::json truth = readTruth(corpusDir);
    for (const auto& entry : truth.at("faces")) {
        FaceSample sample;
        sample.file = entry.at("file").get<std::string>();
        sample.face = entry.at("face").get<bool>();
        sample.person = entry.at("person").get<bool>();
        sample.faceCount = entry.value("n_faces", 0);
        for (const auto& box : entry.value("face_boxes_xywh", nlohmann::json::array()))
            sample.faceBoxes.emplace_back(box.at(0).get<int>(), box.at(1).get<int>(), box.at(2).get<int>(),
                                          box.at(3).get<int>());
        const cv::Mat image = cv::imread((corpusDir / sample.file).string(), cv::IMREAD_COLOR);
        if (image.empty())
            throw std::runtime_error("cannot read " + (corpusDir / sample.file).string());
        sample.frame = letterbox(image, kFaceFrameWidth, kFaceFrameHeight, &sample.faceBoxes);
        samples.push_back(std::move(sample));
    }
    return samples;
}

std::vector<VideoTruth> loadVideoTruth(const std::filesystem::path& corpusDir)
{
    std::vector<VideoTruth> videos;
    const nlohmann::json truth = readTruth(corpusDir);
    for (const auto& entry : truth.at("videos"))
        videos.push_back({entry.at("file").get<std::string>(), entry.value("person", false),
                          entry.value("presenter_like", false)});
    return videos;
}

bool matchesAnyFace(const cv::Rect& found, const std::vector<cv::Rect>& truth)
{
    const cv::Point2f centre(static_cast<float>(found.x) + static_cast<float>(found.width) / 2.0f,
                             static_cast<float>(found.y) + static_cast<float>(found.height) / 2.0f);
    return std::any_of(truth.begin(), truth.end(), [&](const cv::Rect& box) {
        const cv::Rect2f grown(static_cast<float>(box.x) - static_cast<float>(box.width) / 2.0f,
                               static_cast<float>(box.y) - static_cast<float>(box.height) / 2.0f,
                               static_cast<float>(box.width) * 2.0f, static_cast<float>(box.height) * 2.0f);
        return grown.contains(centre);
    });
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

} // namespace cg::corpus

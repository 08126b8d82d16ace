// Prints what each candidate face finder achieves alone and in combination on the faces corpus at
// 640x360 (how the presenter detector's passes were chosen): images with a face hit, detections on
// images without one, detections off the annotated boxes, and the median time per frame.
#include "corpus/face_baselines.hpp"
#include "corpus/face_corpus.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <map>

namespace {

using Finder = std::function<std::vector<cv::Rect>(const cv::Mat& gray)>;

std::vector<cv::Rect> cascadeFind(cv::CascadeClassifier& cascade, const cv::Mat& gray, double scale,
                                  int neighbours, int minSize, bool flipped)
{
    std::vector<cv::Rect> found;
    if (!flipped) {
        cascade.detectMultiScale(gray, found, scale, neighbours, 0, cv::Size(minSize, minSize));
        return found;
    }
    cv::Mat mirrored;
    cv::flip(gray, mirrored, 1);
    cascade.detectMultiScale(mirrored, found, scale, neighbours, 0, cv::Size(minSize, minSize));
    for (cv::Rect& box : found)
        box.x = gray.cols - box.x - box.width;
    return found;
}

} // namespace

int main(int argc, char** argv)
{
    const std::filesystem::path corpus = std::filesystem::path(CG_SHARED_DIR) / "corpus";
    const auto samples = cg::corpus::loadFaceSamples(corpus);
    const std::string cascades = "/usr/share/opencv4/";
    std::map<std::string, cv::CascadeClassifier> cascade;
    for (const char* name :
         {"lbpcascades/lbpcascade_frontalface_improved.xml", "lbpcascades/lbpcascade_frontalface.xml",
          "lbpcascades/lbpcascade_profileface.xml", "haarcascades/haarcascade_frontalface_alt2.xml",
          "haarcascades/haarcascade_profileface.xml", "haarcascades/haarcascade_upperbody.xml"})
        cascade[name].load(cascades + name);
    auto& lbpImproved = cascade["lbpcascades/lbpcascade_frontalface_improved.xml"];
    auto& lbp = cascade["lbpcascades/lbpcascade_frontalface.xml"];
    auto& lbpProfile = cascade["lbpcascades/lbpcascade_profileface.xml"];
    auto& haarAlt2 = cascade["haarcascades/haarcascade_frontalface_alt2.xml"];
    auto& haarProfile = cascade["haarcascades/haarcascade_profileface.xml"];
    cg::corpus::DlibHogFaces hog;
    std::vector<std::pair<std::string, Finder>> finders = {
        {"dlib HOG +0", [&](const cv::Mat& g) { return hog.find(g, 0); }},
        {"dlib HOG +1", [&](const cv::Mat& g) { return hog.find(g, 1); }},
        {"Haar alt2 s1.1 n5 m24",
         [&](const cv::Mat& g) { return cascadeFind(haarAlt2, g, 1.1, 5, 24, false); }},
        {"Haar profile both s1.1 n4 m24",
         [&](const cv::Mat& g) {
             auto found = cascadeFind(haarProfile, g, 1.1, 4, 24, false);
             for (const auto& r : cascadeFind(haarProfile, g, 1.1, 4, 24, true))
                 found.push_back(r);
             return found;
         }},
    };
    for (int minSize : {20, 24, 30})
        for (int neighbours : {3, 4, 5})
            for (double scale : {1.1, 1.15, 1.2}) {
                char name[96];
                std::snprintf(name, sizeof name, "LBP frontal  s%.2f n%d m%d", scale, neighbours, minSize);
                finders.emplace_back(name, [&, scale, neighbours, minSize](const cv::Mat& g) {
                    return cascadeFind(lbp, g, scale, neighbours, minSize, false);
                });
            }
    finders.emplace_back("LBP improved s1.10 n3 m24",
                         [&](const cv::Mat& g) { return cascadeFind(lbpImproved, g, 1.1, 3, 24, false); });
    finders.emplace_back("LBP profile both s1.1 n3 m24", [&](const cv::Mat& g) {
        auto found = cascadeFind(lbpProfile, g, 1.1, 3, 24, false);
        for (const auto& r : cascadeFind(lbpProfile, g, 1.1, 3, 24, true))
            found.push_back(r);
        return found;
    });
    const std::string only = argc > 1 ? argv[1] : "";

    const bool stretch = argc > 2 && std::string(argv[2]) == "stretch";
    std::vector<cv::Mat> frames, grays;
    for (const auto& sample : samples) {
        cv::Mat frame = sample.frame;
        if (stretch) {
            const cv::Mat image = cv::imread((corpus / sample.file).string(), cv::IMREAD_COLOR);
            cv::resize(image, frame, cv::Size(640, 360), 0, 0, cv::INTER_AREA);
        }
        frames.push_back(frame);
        cv::Mat gray;
        cv::cvtColor(frame, gray, cv::COLOR_BGR2GRAY);
        grays.push_back(gray);
    }
    std::vector<std::size_t> chosen;
    for (std::size_t m = 0; m < finders.size(); ++m)
        if (only.empty() || finders[m].first.find(only) != std::string::npos)
            chosen.push_back(m);
    // Each method's time on an image is the fastest of three runs taken in turn with the other methods, so
    // that load from other jobs on the machine falls on all methods alike.
    std::vector<std::vector<double>> bestMs(finders.size(), std::vector<double>(samples.size(), 1e9));
    std::vector<std::vector<std::vector<cv::Rect>>> found(finders.size(),
                                                          std::vector<std::vector<cv::Rect>>(samples.size()));
    for (std::size_t i = 0; i < samples.size(); ++i)
        for (int repeat = 0; repeat < 3; ++repeat)
            for (std::size_t m : chosen) {
                const auto start = std::chrono::steady_clock::now();
                found[m][i] = finders[m].second(grays[i]);
                bestMs[m][i] = std::min(bestMs[m][i], std::chrono::duration<double, std::milli>(
                                                          std::chrono::steady_clock::now() - start)
                                                          .count());
            }
    std::printf("%-34s %5s %6s %8s %9s %8s\n", "method", "hits", "falseD", "falseImg", "offBoxes", "med ms");
    for (std::size_t m : chosen) {
        int hits = 0, faceImages = 0, falseDetections = 0, falseImages = 0, offBoxes = 0;
        std::string missed, falseFiles;
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const auto& sample = samples[i];
            const auto& boxes = found[m][i];
            if (sample.face) {
                ++faceImages;
                if (!boxes.empty())
                    ++hits;
                else
                    missed += " " + sample.file.substr(6);
                if (!sample.faceBoxes.empty() && !stretch)
                    for (const auto& r : boxes)
                        offBoxes += cg::corpus::matchesAnyFace(r, sample.faceBoxes) ? 0 : 1;
            } else {
                falseDetections += static_cast<int>(boxes.size());
                if (!boxes.empty()) {
                    ++falseImages;
                    falseFiles += " " + sample.file.substr(6);
                }
            }
        }
        std::printf("%-34s %2d/%-2d %6d %8d %9d %8.1f  miss:%s  false:%s\n", finders[m].first.c_str(), hits,
                    faceImages, falseDetections, falseImages, offBoxes, cg::corpus::median(bestMs[m]),
                    missed.c_str(), falseFiles.c_str());
    }
}

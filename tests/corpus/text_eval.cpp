// Evaluates the text detector over a folder with truth.json (the shared corpus) or over frames the
// generator makes, and prints recall per category, false findings and timing:
// cg_text_eval generated COUNT SEED [options]; cg_text_eval corpus FOLDER [options].
// cg_text_eval baseline FOLDER: Tesseract over the whole frame (PSM 11) with the same classifier.
// cg_text_eval lines IMAGE FOLDER: every region as OCR sees it and what it reads (for looking).
// Options: --languages L, --line-height N, --edge N, --confidence N (word), --line-confidence N,
// --budget MS, --gap F, --save FOLDER (generated frames with their regions drawn), --only CATEGORY
// (generated frames whose violations are all of one category), --verbose.
#include "core/text/line_image.hpp"
#include "corpus/text_evaluation.hpp"
#include "corpus/text_frames.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    using namespace cg;
    using namespace cg::textcorpus;
    if (argc < 3) {
        std::cerr << "usage: cg_text_eval corpus FOLDER | generated COUNT SEED [options]\n";
        return 2;
    }
    const std::string mode = argv[1];
    TextDetectorSettings settings;
    settings.classifier = defaultWordLists();
    bool verbose = false;
    std::string saveFolder;
    std::string onlyCategory;
    int first = mode == "corpus" ? 3 : 4;
    for (int i = first; i + 1 < argc || (i < argc && std::string(argv[i]) == "--verbose"); ++i) {
        const std::string option = argv[i];
        if (option == "--verbose") {
            verbose = true;
            continue;
        }
        const std::string value = argv[++i];
        if (option == "--languages") {
            settings.ocr.languages = value;
        } else if (option == "--line-height") {
            settings.ocrLineHeight = std::stoi(value);
        } else if (option == "--edge") {
            settings.regions.minEdgeContrast = std::stoi(value);
        } else if (option == "--split-edge") {
            settings.regions.splitEdgeContrast = std::stoi(value);
        } else if (option == "--confidence") {
            settings.ocr.minWordConfidence = std::stof(value);
        } else if (option == "--second-look") {
            settings.secondLookLineHeight = std::stoi(value);
        } else if (option == "--line-confidence") {
            settings.ocr.minLineConfidence = std::stof(value);
        } else if (option == "--budget") {
            settings.budgetPerSecond = Millis{std::stoi(value)};
        } else if (option == "--gap") {
            settings.regions.wordGapFactor = std::stod(value);
        } else if (option == "--save") {
            saveFolder = value;
        } else if (option == "--only") {
            onlyCategory = value;
        }
    }
    if (mode == "render") { // cg_text_eval render TEXT OUT.png: one line in a banner, for quick looks
        TextFrameGenerator generator({}, 1);
        cv::Mat background(720, 1280, CV_8UC3, cv::Scalar(90, 140, 170));
        cv::imwrite(argv[3], generator.single(background, TextSample{"x", argv[2], {}}, 30, argc > 4).bgr);
        return 0;
    }
    if (mode == "lines") { // cg_text_eval lines IMAGE OUTFOLDER: each region as OCR sees it, and its reading
        const cv::Mat bgr = cv::imread(argv[2], cv::IMREAD_COLOR);
        cv::Mat gray;
        cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
        TesseractReader reader(settings.ocr);
        int index = 0;
        cv::Mat marked = bgr.clone();
        for (const TextRegion& region : findTextRegions(gray, settings.regions)) {
            cv::Point2f corners[4];
            region.line.points(corners);
            for (int c = 0; c < 4; ++c) {
                cv::line(marked, corners[c], corners[(c + 1) % 4],
                         region.vertical ? cv::Scalar(255, 0, 255) : cv::Scalar(0, 255, 0), 1);
            }
        }
        std::filesystem::create_directories(argv[3]);
        cv::imwrite(std::string(argv[3]) + "/regions.png", marked);
        std::filesystem::create_directories(argv[3]);
        for (const TextRegion& region : findTextRegions(gray, settings.regions)) {
            LineImage image = makeLineImage(gray, region, 1.0, settings.ocrLineHeight);
            if (image.gray.empty()) {
                continue;
            }
            const std::string file = std::string(argv[3]) + "/line_" + std::to_string(index++) + ".png";
            cv::imwrite(file, image.gray);
            std::cout << file << " at " << region.bounds << " h=" << region.line.size.height
                      << " angle=" << region.line.angle << ":";
            for (const OcrLine& line : reader.read(image.gray, TesseractReader::Layout::SingleLine)) {
                std::cout << " [" << line.text << "] " << line.confidence;
            }
            const LineImage fill = outlinedTextFill(image);
            if (!fill.gray.empty()) {
                cv::imwrite(file.substr(0, file.size() - 4) + "_fill.png", fill.gray);
                std::cout << " fill:";
                for (const OcrLine& line : reader.read(fill.gray, TesseractReader::Layout::SingleLine)) {
                    std::cout << " [" << line.text << "] " << line.confidence;
                }
            }
            std::cout << "\n";
        }
        return 0;
    }
    if (mode == "baseline") { // cg_text_eval baseline FOLDER: Tesseract over the whole frame (PSM 11)
        const std::filesystem::path folder = argv[2];
        TesseractReader reader(settings.ocr);
        Evaluation evaluation;
        for (const TruthFrame& truth : loadTruth(folder / "truth.json")) {
            cv::Mat gray = cv::imread((folder / truth.file).string(), cv::IMREAD_GRAYSCALE);
            std::vector<Detection> detections;
            for (const OcrLine& line : reader.read(gray, TesseractReader::Layout::SparseText)) {
                for (const TextFinding& finding : classifyText(line.text, settings.classifier)) {
                    cv::Rect box;
                    for (std::size_t byte = finding.begin; byte < finding.end; ++byte) {
                        box = box.empty() ? line.byteBoxes[byte] : (box | line.byteBoxes[byte]);
                    }
                    const auto x = static_cast<float>(box.x), y = static_cast<float>(box.y);
                    const auto r = static_cast<float>(box.x + box.width),
                               b = static_cast<float>(box.y + box.height);
                    detections.push_back({"text",
                                          "text",
                                          finding.kind,
                                          line.confidence,
                                          {{x, y}, {r, y}, {r, b}, {x, b}},
                                          finding.text,
                                          ""});
                }
            }
            evaluation.add(truth, detections);
        }
        std::cout << "Tesseract over the whole frame (" << settings.ocr.languages << ", PSM 11):\n"
                  << evaluation.table();
        return 0;
    }
    TextDetector detector(settings);
    Evaluation evaluation;
    Millis streamTime{0};
    double firstRunMs = 0, ocrMs = 0;
    int frames = 0, runs = 0;
    const auto evaluate = [&](const TruthFrame& truth, const cv::Mat& bgr) {
        const FrameRun run = runOnStill(detector, bgr, streamTime);
        evaluation.add(truth, run.detections);
        firstRunMs += run.firstRunMs;
        ocrMs += run.totalOcrMs;
        runs += run.runs;
        ++frames;
        if (verbose) {
            std::cout << truth.file << ":\n";
            for (const std::string& line : detector.visibleLines()) {
                std::cout << "   read: " << line << "\n";
            }
            for (const Detection& detection : run.detections) {
                std::cout << "   found " << detection.label << ": " << detection.text << "\n";
            }
        }
    };
    if (mode == "corpus") {
        const std::filesystem::path folder = argv[2];
        for (const TruthFrame& truth : loadTruth(folder / "truth.json")) {
            evaluate(truth, cv::imread((folder / truth.file).string(), cv::IMREAD_COLOR));
        }
    } else {
        const int count = std::stoi(argv[2]);
        const auto seed = static_cast<unsigned>(std::stoul(argv[3]));
        std::vector<cv::Mat> backgrounds = TextFrameGenerator::sharedPhotos();
        TextFrameGenerator generator(backgrounds, seed);
        generator.onlyViolationsOf(onlyCategory);
        std::vector<TruthFrame> saved;
        for (int i = 0; i < count; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "gen_%03d.jpg", i);
            const GeneratedFrame frame = generator.next(name);
            if (!saveFolder.empty()) {
                std::filesystem::create_directories(saveFolder);
                cv::imwrite(saveFolder + "/" + name, frame.bgr);
                // A picture of the regions the detector would read, for whoever tunes it.
                cv::Mat gray, marked = frame.bgr.clone();
                cv::cvtColor(frame.bgr, gray, cv::COLOR_BGR2GRAY);
                for (const TextRegion& region : findTextRegions(gray, settings.regions)) {
                    cv::Point2f corners[4];
                    region.line.points(corners);
                    for (int c = 0; c < 4; ++c) {
                        cv::line(marked, corners[c], corners[(c + 1) % 4],
                                 region.vertical ? cv::Scalar(255, 0, 255) : cv::Scalar(0, 255, 0), 2);
                    }
                }
                for (const TruthItem& item : frame.truth.items) {
                    cv::rectangle(marked, item.box, cv::Scalar(0, 0, 255), 1);
                }
                cv::imwrite(saveFolder + "/" + std::string(name) + ".regions.png", marked);
                saved.push_back(frame.truth);
            }
            evaluate(frame.truth, frame.bgr);
        }
        if (!saveFolder.empty()) {
            saveTruth(saved, saveFolder + "/truth.json");
        }
    }
    std::cout << evaluation.table();
    std::printf("frames %d; first run %.0f ms/frame; OCR %.0f ms/frame in all; %.1f runs/frame until read\n",
                frames, firstRunMs / frames, ocrMs / frames, static_cast<double>(runs) / frames);
    if (verbose) {
        for (const std::string& miss : evaluation.misses) {
            std::cout << "miss  " << miss << "\n";
        }
        for (const std::string& wrong : evaluation.falses) {
            std::cout << "false " << wrong << "\n";
        }
    }
    return 0;
}

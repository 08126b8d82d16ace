#pragma once

#include "corpus/qr_corpus.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace cg::corpus {

// What a method reported on one frame: the decoded texts of its 2D codes.
using QrReader = std::function<std::vector<std::string>(const cv::Mat& bgraFrame)>;

struct MethodScore {
    std::string method;
    int frames = 0;
    int framesWithCode = 0;
    int recalled = 0;       // frames whose expected text was decoded byte for byte
    int falsePositives = 0; // 2D codes on negative frames + texts matching no truth
    double medianMs = 0;
    std::vector<std::string> missed;       // files whose expected text was not decoded
    std::vector<std::string> falseReports; // "file: text" of every false positive
};

// Runs `reader` over every sample. `truthTexts` are all the texts known to be in the corpus.
MethodScore scoreMethod(const std::string& method, const QrReader& reader,
                        const std::vector<QrSample>& samples, const std::set<std::string>& truthTexts);

std::string formatTable(const std::string& title, const std::vector<MethodScore>& scores);
nlohmann::json toJson(const std::vector<MethodScore>& scores);

} // namespace cg::corpus

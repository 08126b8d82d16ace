#include "corpus/qr_evaluation.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace cg::corpus {

MethodScore scoreMethod(const std::string& method, const QrReader& reader,
                        const std::vector<QrSample>& samples, const std::set<std::string>& truthTexts)
{
    MethodScore score;
    score.method = method;
    std::vector<double> times;
    for (const auto& sample : samples) {
        const auto start = std::chrono::steady_clock::now();
        const std::vector<std::string> texts = reader(sample.frame);
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        ++score.frames;
        if (sample.hasCode) {
            ++score.framesWithCode;
            if (std::find(texts.begin(), texts.end(), sample.expectedText) != texts.end()) {
                ++score.recalled;
            } else {
                score.missed.push_back(sample.file);
            }
        }
        for (const auto& text : texts) {
            if (!sample.hasCode || truthTexts.count(text) == 0) {
                ++score.falsePositives;
                score.falseReports.push_back(sample.file + ": " + text);
            }
        }
    }
    std::sort(times.begin(), times.end());
    score.medianMs = times.empty() ? 0 : times[times.size() / 2];
    return score;
}

std::string formatTable(const std::string& title, const std::vector<MethodScore>& scores)
{
    std::string table =
        "\n" + title + "\n| method | recall | false positives | median ms/frame |\n|---|---|---|---|\n";
    char line[256];
    for (const auto& s : scores) {
        std::snprintf(line, sizeof line, "| %s | %d/%d | %d | %.1f |\n", s.method.c_str(), s.recalled,
                      s.framesWithCode, s.falsePositives, s.medianMs);
        table += line;
    }
    for (const auto& s : scores) {
        table += s.method + " missed:";
        for (const auto& file : s.missed) {
            table += " " + file;
        }
        table += "\n";
        for (const auto& report : s.falseReports) {
            table += s.method + " false positive: " + report + "\n";
        }
    }
    return table;
}

nlohmann::json toJson(const std::vector<MethodScore>& scores)
{
    nlohmann::json all = nlohmann::json::array();
    for (const auto& s : scores) {
        all.push_back({{"method", s.method},
                       {"frames", s.frames},
                       {"frames_with_code", s.framesWithCode},
                       {"recalled", s.recalled},
                       {"false_positives", s.falsePositives},
                       {"median_ms", s.medianMs},
                       {"missed", s.missed},
                       {"false_reports", s.falseReports}});
    }
    return all;
}

} // namespace cg::corpus

#include "cli/analyze_command.hpp"

#include "cli/exit_codes.hpp"
#include "cli/media_input.hpp"
#include "core/compliance_session.hpp"
#include "core/default_detectors.hpp"
#include "core/finding_json.hpp"
#include "core/rules/rule_pack_loader.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>

namespace cg::cli {

namespace {

struct AnalyzeOptions {
    std::vector<std::filesystem::path> inputs;
    std::string pack = "generic-strict";
    std::optional<std::filesystem::path> recordParent;
    bool json = false;
    bool perFrame = false;
};

constexpr const char* usage =
    "usage: compliance-guard analyze FILE... [--rules PACK] [--record DIR] [--json] [--per-frame]\n";

std::optional<AnalyzeOptions> parse(const std::vector<std::string>& args, std::ostream& err)
{
    AnalyzeOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const bool hasValue = i + 1 < args.size();
        if (arg == "--json") {
            options.json = true;
        } else if (arg == "--per-frame") {
            options.perFrame = true;
        } else if ((arg == "--rules" || arg == "--record") && hasValue) {
            if (arg == "--rules")
                options.pack = args[++i];
            else
                options.recordParent = args[++i];
        } else if (arg.starts_with("--")) {
            err << "analyze: unknown option or missing value: " << arg << "\n" << usage;
            return std::nullopt;
        } else {
            options.inputs.emplace_back(arg);
        }
    }
    if (options.inputs.empty()) {
        err << "analyze: no input file\n" << usage;
        return std::nullopt;
    }
    return options;
}

Millis samplingInterval(const Analyzer& analyzer)
{
    Millis shortest{1000};
    for (const auto& detector : analyzer.detectors())
        shortest = std::min(shortest, std::max(detector->cadence(), Millis{40}));
    return shortest;
}

// One finding from opening to clearing, in media seconds, at the worst state it reached.
struct FindingSpan {
    std::string rule;
    FindingState worst = FindingState::Clear;
    double openedT = 0;
    std::optional<double> clearedT;
};

// A yes/no judgement of one detector, carried from the frames it ran on to the frames between.
class Judgement {
  public:
    Judgement(std::string_view detector, std::string_view category) : detector_(detector), category_(category)
    {
    }

    bool update(const AnalysisResult& result)
    {
        if (std::find(result.detectorsRun.begin(), result.detectorsRun.end(), detector_) !=
            result.detectorsRun.end())
            holds_ =
                std::any_of(result.detections.begin(), result.detections.end(),
                            [this](const Detection& detection) { return detection.category == category_; });
        return holds_;
    }

  private:
    std::string detector_;
    std::string category_;
    bool holds_ = false;
};

void collect(const std::vector<FindingEvent>& events, std::vector<FindingSpan>& spans,
             std::map<std::string, std::size_t>& openSpan)
{
    for (const FindingEvent& event : events) {
        const Finding& finding = event.finding;
        if (event.change == FindingChange::Opened) {
            openSpan[finding.ruleId] = spans.size();
            spans.push_back({finding.ruleId, finding.state, toSeconds(finding.openedAt), std::nullopt});
            continue;
        }
        const auto found = openSpan.find(finding.ruleId);
        if (found == openSpan.end())
            continue;
        FindingSpan& span = spans[found->second];
        span.worst = std::max(span.worst,
                              event.change == FindingChange::Cleared ? event.previousState : finding.state);
        if (event.change == FindingChange::Cleared) {
            span.clearedT = toSeconds(*finding.clearedAt);
            openSpan.erase(found);
        }
    }
}

// Every detector at its defaults, with the pack's word lists and allowed logos and the shipped logo
// templates (data/logos beside data/rules). Files are analysed offline, so the logo and text checks
// look at all of each frame instead of stopping at the share of a core a live stream allows them.
DetectorSettings detectorSettingsFor(const RulePack& pack, const std::filesystem::path& rulesDir)
{
    DetectorSettings settings;
    settings.logoSettings.templatesFolder = (rulesDir.parent_path() / "logos").string();
    settings.logoSettings.timeBudget = Millis{0};
    settings.textSettings.budgetPerSecond = Millis{0};
    useRulePack(settings, pack);
    return settings;
}

nlohmann::json analyzeFile(const std::filesystem::path& input, const RulePack& pack,
                           const std::filesystem::path& rulesDir, const AnalyzeOptions& options,
                           std::vector<FindingSpan>& spans)
{
    Analyzer analyzer(makeDetectors(detectorSettingsFor(pack, rulesDir)));
    Judgement presenter(PresenterDetector::kId, PresenterDetector::kPersonCategory);
    Judgement still(StaticPictureDetector::kId, StaticPictureDetector::kCategory);
    MediaInput media(input, samplingInterval(analyzer));
    ManualClock mediaClock;
    SteadyClock recordClock;
    std::unique_ptr<RecordWriter> record;
    if (options.recordParent)
        record = std::make_unique<RecordWriter>(
            RecordWriter::newSessionFolder(*options.recordParent, recordClock.utcMillis(), "cli"),
            recordClock);
    const std::filesystem::path recordDir = record ? record->sessionDir() : std::filesystem::path{};
    ComplianceSession session(pack, mediaClock, std::move(record),
                              {{"kind", "cli"}, {"input", input.string()}});

    nlohmann::json detections = nlohmann::json::array();
    nlohmann::json frames = nlohmann::json::array();
    std::map<std::string, std::size_t> openSpan;
    std::vector<std::string> seenTexts;
    Frame frame;
    while (media.next(frame)) {
        mediaClock.set(frame.time());
        const AnalysisResult result = analyzer.step(frame);
        collect(session.onResult(result), spans, openSpan);
        for (const Detection& detection : result.detections) {
            // The file's detections: each distinct code once, however many frames show it.
            const std::string key = detection.category + '\n' + detection.text;
            if (std::find(seenTexts.begin(), seenTexts.end(), key) == seenTexts.end()) {
                seenTexts.push_back(key);
                detections.push_back(toJson(detection));
            }
        }
        const bool presenterSeen = presenter.update(result);
        const bool pictureStatic = still.update(result);
        if (options.perFrame)
            frames.push_back({{"t", toSeconds(frame.time())},
                              {"presenter", presenterSeen},
                              {"static", pictureStatic},
                              {"detections", toJson(result.detections)}});
    }
    // Findings still open at the end of the file stay open (cleared_t null) in the output.
    session.close({{"frames_analyzed", analyzer.stats().analyzed}});

    nlohmann::json out{{"input", input.string()}, {"pack", pack.id}, {"detections", std::move(detections)}};
    out["media"] = media.isVideo() ? "video" : "image";
    nlohmann::json findings = nlohmann::json::array();
    for (const FindingSpan& span : spans) {
        findings.push_back(
            {{"rule", span.rule},
             {"state", toString(span.worst)},
             {"opened_t", span.openedT},
             {"cleared_t", span.clearedT ? nlohmann::json(*span.clearedT) : nlohmann::json()}});
    }
    out["findings"] = std::move(findings);
    if (options.perFrame)
        out["frames"] = std::move(frames);
    if (!recordDir.empty())
        out["record"] = recordDir.string();
    return out;
}

void printSummary(const nlohmann::json& result, std::ostream& out)
{
    out << result["input"].get<std::string>() << ": " << result["detections"].size() << " detection(s), "
        << result["findings"].size() << " finding(s)\n";
    for (const auto& detection : result["detections"])
        out << "  " << detection["category"].get<std::string>() << " ("
            << detection["label"].get<std::string>() << "): " << detection.value("text", "") << "\n";
    for (const auto& finding : result["findings"]) {
        out << "  finding " << finding["rule"].get<std::string>() << ": "
            << finding["state"].get<std::string>() << " from " << finding["opened_t"].get<double>() << " s";
        if (!finding["cleared_t"].is_null())
            out << " to " << finding["cleared_t"].get<double>() << " s";
        out << "\n";
    }
    if (result.contains("record"))
        out << "  record: " << result["record"].get<std::string>() << "\n";
}

} // namespace

int runAnalyzeCommand(const std::vector<std::string>& args, const std::filesystem::path& rulesDir,
                      std::ostream& out, std::ostream& err)
{
    const std::optional<AnalyzeOptions> options = parse(args, err);
    if (!options)
        return exit_code::usage;
    RulePack pack;
    try {
        pack = loadRulePack(findRulePack(rulesDir, options->pack));
    } catch (const std::exception& error) {
        err << "analyze: " << error.what() << "\n";
        return exit_code::inputError;
    }
    int status = exit_code::ok;
    for (const std::filesystem::path& input : options->inputs) {
        try {
            std::vector<FindingSpan> spans;
            const nlohmann::json result = analyzeFile(input, pack, rulesDir, *options, spans);
            if (options->json)
                out << result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
            else
                printSummary(result, out);
            if (!spans.empty() && status == exit_code::ok)
                status = exit_code::findings;
        } catch (const std::exception& error) {
            err << "analyze: " << error.what() << "\n";
            status = exit_code::inputError;
        }
    }
    return status;
}

} // namespace cg::cli

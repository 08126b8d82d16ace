#include "core/report/report_builder.hpp"

#include "core/record/record_line.hpp"
#include "core/report/report_error.hpp"
#include "core/report/report_statements.hpp"
#include "core/rules/rule_pack_loader.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace cg {
namespace {

class LineReader {
  public:
    LineReader(const RecordedLine& line, std::string fileName) : line_(line), fileName_(std::move(fileName))
    {
    }

    [[noreturn]] void fail(const std::string& field, const std::string& problem) const
    {
        throw ReportError(fileName_ + ": line " + std::to_string(line_.lineNumber) + ": field \"payload." +
                          field + "\": " + problem);
    }
    [[nodiscard]] std::string text(const char* field) const
    {
        const auto found = line_.payload.find(field);
        if (found == line_.payload.end() || !found->is_string())
            fail(field, "missing or not a string");
        return found->get<std::string>();
    }
    [[nodiscard]] std::string textOr(const char* field, const std::string& fallback = {}) const
    {
        const auto found = line_.payload.find(field);
        return found != line_.payload.end() && found->is_string() ? found->get<std::string>() : fallback;
    }
    [[nodiscard]] Millis seconds(const char* field) const
    {
        const auto found = line_.payload.find(field);
        if (found == line_.payload.end() || !found->is_number())
            fail(field, "missing or not a number of seconds");
        return Millis{static_cast<Millis::rep>(std::llround(found->get<double>() * 1000.0))};
    }
    [[nodiscard]] FindingState state(const char* field) const
    {
        const std::optional<FindingState> state = findingStateFromString(text(field));
        if (!state)
            fail(field, "not a finding state: \"" + text(field) + "\"");
        return *state;
    }

  private:
    const RecordedLine& line_;
    std::string fileName_;
};

LocalizedText localizedFrom(const nlohmann::json& value)
{
    LocalizedText text;
    if (value.is_object()) {
        text.en = value.value("en-US", std::string());
        text.zh = value.value("zh-CN", std::string());
    }
    return text;
}

std::vector<SeenDetection> seenFrom(const nlohmann::json& detections)
{
    std::vector<SeenDetection> seen;
    if (!detections.is_array())
        return seen;
    for (const nlohmann::json& detection : detections) {
        if (!detection.is_object())
            continue;
        SeenDetection item;
        item.category = detection.value("category", std::string());
        item.label = detection.value("label", std::string());
        item.text = detection.value("text", std::string());
        item.detail = detection.value("detail", std::string());
        item.confidence = detection.value("confidence", 0.0f);
        seen.push_back(std::move(item));
    }
    return seen;
}

// Follows the finding_* lines: one ReportFinding per rule from opening to clearing.
class FindingFollower {
  public:
    explicit FindingFollower(std::string fileName) : fileName_(std::move(fileName)) {}

    void take(const RecordedLine& line)
    {
        const LineReader read(line, fileName_);
        const std::string ruleId = read.text("rule");
        auto open = open_.find(ruleId);
        if (open == open_.end() || line.type == "finding_opened") {
            if (open != open_.end())
                done_.push_back(std::move(open->second)); // opened again without clearing: keep both
            ReportFinding finding;
            finding.ruleId = ruleId;
            finding.conditionSince = read.seconds("opened_t");
            finding.openedAt = read.seconds("changed_t");
            open = open_.insert_or_assign(ruleId, std::move(finding)).first;
        }
        ReportFinding& finding = open->second;
        if (const auto title = line.payload.find("title"); title != line.payload.end())
            finding.title = localizedFrom(*title);
        finding.category = read.textOr("category", finding.category);
        if (const auto lastSeen = line.payload.find("last_seen_t"); lastSeen != line.payload.end())
            finding.lastSeenAt = std::max(finding.lastSeenAt, read.seconds("last_seen_t"));
        if (std::vector<SeenDetection> seen = seenFrom(line.payload.value("detections", nlohmann::json()));
            !seen.empty())
            finding.seen = std::move(seen);
        if (!line.evidenceFile.empty())
            finding.evidenceFile = line.evidenceFile;
        if (line.type == "finding_cleared") {
            finding.clearedAt = read.seconds("cleared_t");
            done_.push_back(std::move(finding));
            open_.erase(open);
            return;
        }
        const FindingState state = read.state("state");
        finding.states.push_back({state, read.seconds("changed_t")});
        finding.worst = std::max(finding.worst, state);
    }

    std::vector<ReportFinding> all()
    {
        for (auto& [rule, finding] : open_)
            done_.push_back(std::move(finding));
        open_.clear();
        std::stable_sort(done_.begin(), done_.end(), [](const ReportFinding& a, const ReportFinding& b) {
            return a.conditionSince < b.conditionSince;
        });
        return std::move(done_);
    }

  private:
    std::string fileName_;
    std::map<std::string, ReportFinding> open_;
    std::vector<ReportFinding> done_;
};

void addUnique(std::vector<std::string>& list, const std::string& item)
{
    if (!item.empty() && std::find(list.begin(), list.end(), item) == list.end())
        list.push_back(item);
}

void readStart(const RecordedLine& start, ReportFacts& facts, std::vector<RecordingSpan>& recordings)
{
    const nlohmann::json& payload = start.payload;
    facts.startUtcMillis = start.ts - start.t.count();
    facts.kind = payload.value("kind", std::string());
    if (const auto pack = payload.find("pack"); pack != payload.end() && pack->is_object()) {
        facts.packId = pack->value("id", std::string());
        facts.packSource = pack->value("source", std::string());
        facts.packVersion = pack->value("version", std::string());
    }
    facts.pluginVersion = payload.value("plugin_version", std::string());
    facts.obsVersion = payload.value("obs_version", std::string());
    if (const auto offset = payload.find("utc_offset_min");
        offset != payload.end() && offset->is_number_integer())
        facts.localOffsetMinutes = offset->get<std::int64_t>();
    if (const auto file = payload.find("recording_file"); file != payload.end() && file->is_string()) {
        RecordingSpan span{file->get<std::string>(), std::nullopt, Millis{0}};
        if (const auto since = payload.find("recording_started_ts");
            since != payload.end() && since->is_number_integer())
            span.startedAt = Millis{since->get<std::int64_t>() - facts.startUtcMillis};
        recordings.push_back(span);
    }
    if (const auto scenes = payload.find("watched_scenes"); scenes != payload.end() && scenes->is_array())
        for (const auto& scene : *scenes)
            if (scene.is_string())
                addUnique(facts.watchedScenes, scene.get<std::string>());
    if (const auto scene = payload.find("program_scene"); scene != payload.end() && scene->is_string())
        facts.programScenes.push_back({Millis{0}, scene->get<std::string>()});
}

Millis latestTime(const std::vector<ReportFinding>& findings)
{
    Millis latest{0};
    for (const ReportFinding& finding : findings) {
        latest = std::max({latest, finding.lastSeenAt, finding.openedAt});
        if (finding.clearedAt)
            latest = std::max(latest, *finding.clearedAt);
        if (!finding.states.empty())
            latest = std::max(latest, finding.states.back().at);
    }
    return latest;
}

RuleTimeline timelineOf(const std::string& ruleId, const std::vector<ReportFinding>& findings, Millis end)
{
    RuleTimeline timeline;
    timeline.ruleId = ruleId;
    for (const ReportFinding& finding : findings) {
        if (finding.ruleId != ruleId)
            continue;
        if (timeline.title.en.empty())
            timeline.title = finding.title;
        if (timeline.category.empty())
            timeline.category = finding.category;
        const Millis stop = finding.clearedAt.value_or(end);
        for (std::size_t i = 0; i < finding.states.size(); ++i) {
            const Millis from = finding.states[i].at;
            const Millis to = i + 1 < finding.states.size() ? finding.states[i + 1].at : stop;
            if (to > from)
                timeline.states.push_back({{from, to}, finding.states[i].state});
            timeline.worst = std::max(timeline.worst, finding.states[i].state);
        }
    }
    return timeline;
}

void applyRule(RuleTimeline& timeline, const Rule& rule)
{
    timeline.title = rule.title;
    timeline.category = rule.category;
    timeline.trigger = rule.trigger;
    timeline.noticeAfterS = rule.thresholds.noticeAfterS;
}

void placeInRecordings(ReportFinding& finding, const std::vector<RecordingSpan>& recordings)
{
    for (const RecordingSpan& recording : recordings) {
        if (recording.covers(finding.conditionSince)) {
            finding.recordingOffset = finding.conditionSince - *recording.startedAt;
            finding.recordingFile = recording.file;
            return;
        }
    }
}

ReportVerification verificationOf(const VerifyReport& report, const std::vector<RecordedLine>& lines)
{
    ReportVerification out;
    out.status = report.status;
    out.linesChecked = report.linesChecked;
    out.firstBadSeq = report.firstBadSeq;
    out.message = report.message;
    out.finalHash = report.finalHash;
    out.evidenceFilesChecked = report.evidenceFilesChecked;
    out.signature = report.signature;
    // Signed records (written by versions that sign) name the key in session_start and carry the
    // signature in session_end; older records have neither.
    const nlohmann::json& start = lines.front().payload;
    out.keyFingerprint = start.value("key_fingerprint", std::string());
    for (const RecordedLine& line : lines)
        if (line.type == "session_end")
            out.signaturePresent = line.line.contains("signature") || line.payload.contains("signature");
    return out;
}

} // namespace

ReportModel buildReportModel(const std::vector<RecordedLine>& lines, const RulePack* pack,
                             const VerifyReport& verification, const std::filesystem::path& sessionDir)
{
    if (lines.empty())
        throw ReportError((sessionDir / kRecordFileName).string() +
                          ": no complete line: the record is empty");
    const std::string fileName = (sessionDir / kRecordFileName).string();
    ReportModel model;
    model.sessionDir = sessionDir;
    ReportFacts& facts = model.facts;
    facts.sessionFolder = sessionDir.filename().string();
    if (facts.sessionFolder.empty())
        facts.sessionFolder = sessionDir.parent_path().filename().string();
    std::vector<RecordingSpan> recordings;
    readStart(lines.front(), facts, recordings);
    // A recording named by session_start was already running when the session began.
    std::optional<std::size_t> openRecording;
    if (!recordings.empty())
        openRecording = 0;

    FindingFollower follower(fileName);
    Millis lastLine{0};
    for (const RecordedLine& line : lines) {
        lastLine = std::max(lastLine, line.t);
        const LineReader read(line, fileName);
        if (line.type.starts_with("finding_")) {
            follower.take(line);
        } else if (line.type == "scene_change") {
            facts.programScenes.push_back({line.t, read.textOr("program")});
        } else if (line.type == "settings_changed" && line.payload.contains("watched_scenes")) {
            for (const auto& scene : line.payload["watched_scenes"])
                if (scene.is_string())
                    addUnique(facts.watchedScenes, scene.get<std::string>());
        } else if (line.type == "recording_started") {
            if (openRecording)
                recordings[*openRecording].endedAt = line.t;
            openRecording = recordings.size();
            recordings.push_back({read.textOr("file"), line.t, line.t});
        } else if (line.type == "recording_stopped") {
            if (openRecording)
                recordings[*openRecording].endedAt = line.t;
            else
                recordings.push_back({read.textOr("file"), std::nullopt, line.t});
            openRecording.reset();
        } else if (line.type == "error") {
            facts.errors.push_back(read.textOr("message"));
        } else if (line.type == "session_end") {
            facts.endedCleanly = true;
            facts.endReason = read.textOr("reason");
        }
    }
    model.findings = follower.all();
    // The CLI stamps lines with the wall clock but findings with media time: the session lasts as
    // long as the later of the two.
    facts.duration = std::max(lastLine, latestTime(model.findings));
    if (openRecording)
        recordings[*openRecording].endedAt = facts.duration; // still recording when the record ends
    facts.recordings = recordings;
    for (ReportFinding& finding : model.findings)
        placeInRecordings(finding, facts.recordings);

    if (pack != nullptr) {
        facts.packName = pack->name;
        for (ReportFinding& finding : model.findings) {
            const Rule* rule = pack->findRule(finding.ruleId);
            if (rule != nullptr && finding.title.en.empty() && finding.title.zh.empty())
                finding.title = rule->title;
            if (rule != nullptr && finding.category.empty())
                finding.category = rule->category;
        }
        for (const Rule& rule : pack->rules) {
            RuleTimeline timeline = timelineOf(rule.id, model.findings, facts.duration);
            applyRule(timeline, rule);
            model.timelines.push_back(std::move(timeline));
        }
    }
    for (const ReportFinding& finding : model.findings) {
        const bool listed = std::any_of(model.timelines.begin(), model.timelines.end(),
                                        [&](const RuleTimeline& t) { return t.ruleId == finding.ruleId; });
        if (!listed)
            model.timelines.push_back(timelineOf(finding.ruleId, model.findings, facts.duration));
    }
    model.statements = statementsFor(model.timelines, model.findings, TimeSpan{Millis{0}, facts.duration});
    model.verification = verificationOf(verification, lines);
    return model;
}

ReportModel loadReportModel(const std::filesystem::path& sessionDir, const std::filesystem::path& rulesDir)
{
    const VerifyReport verification = verifyRecord(sessionDir);
    std::vector<RecordedLine> lines;
    try {
        lines = readRecordedLines(sessionDir);
    } catch (const ReportError&) {
        // A line changed beyond the format: the report shows the lines before it, which verify, and
        // says where the record breaks.
        const bool brokenLater = verification.status == RecordStatus::Tampered && verification.firstBadSeq &&
                                 *verification.firstBadSeq > 0;
        if (!brokenLater)
            throw;
        lines = readRecordedLines(sessionDir, static_cast<std::size_t>(*verification.firstBadSeq));
    }
    std::optional<RulePack> pack;
    const auto packInfo = lines.front().payload.find("pack");
    if (packInfo != lines.front().payload.end() && packInfo->is_object() && packInfo->contains("id") &&
        (*packInfo)["id"].is_string()) {
        try {
            pack = loadRulePack(findRulePack(rulesDir, (*packInfo)["id"].get<std::string>()));
        } catch (const std::exception&) {
            pack.reset(); // the report says which pack and version the record names, without titles
        }
    }
    return buildReportModel(lines, pack ? &*pack : nullptr, verification, sessionDir);
}

} // namespace cg

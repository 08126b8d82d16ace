#include "core/report/report_html.hpp"

#include "core/report/base64.hpp"
#include "core/report/report_style.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace cg {
namespace {

constexpr const char* kBrowserStyle = R"(
body{font-family:"Noto Sans","Noto Sans CJK SC","Helvetica Neue",Arial,sans-serif;color:#212121;margin:24px;max-width:1100px}
h1{font-size:22px;margin-bottom:2px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #bbb}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;font-size:13px;text-align:left}
th{background:#eee}.facts td:first-child{font-weight:bold;white-space:nowrap}.mono{font-family:monospace;word-break:break-all}
.badge{padding:1px 6px;border-radius:3px;white-space:nowrap}.sub{color:#666;font-size:12px}
.timeline td{border:none;padding:2px 6px}.bar{width:640px}.ok{color:#2e7d32}.bad{color:#b71c1c;font-weight:bold}.warn{color:#e65100}
img.thumb{width:200px;border:1px solid #999}
)";

constexpr int kTimelineWidth = 1000;

class Html {
  public:
    Html& raw(std::string_view text)
    {
        out_ += text;
        return *this;
    }
    Html& text(std::string_view text)
    {
        out_ += escapeHtml(text);
        return *this;
    }
    Html& element(std::string_view tag, std::string_view content, std::string_view attributes = {})
    {
        out_ += "<" + std::string(tag) + (attributes.empty() ? "" : " ") + std::string(attributes) + ">";
        text(content);
        out_ += "</" + std::string(tag) + ">";
        return *this;
    }
    std::string take() { return std::move(out_); }

  private:
    std::string out_;
};

std::string badge(const ReportWording& wording, FindingState state)
{
    return "<span class=\"badge\" style=\"background-color:" + stateColour(state).hex() +
           ";color:" + stateTextColour(state).hex() + "\">&nbsp;" + escapeHtml(wording.stateWord(state)) +
           "&nbsp;</span>";
}

std::string bothTimes(const ReportWording& wording, std::int64_t utcMillis)
{
    return escapeHtml(wording.localDateTime(utcMillis)) + "<br><span class=\"sub\">" +
           escapeHtml(wording.utcDateTime(utcMillis)) + "</span>";
}

void factRow(Html& html, const std::string& label, const std::string& valueHtml)
{
    html.raw("<tr><td>").text(label).raw("</td><td>").raw(valueHtml).raw("</td></tr>\n");
}

std::string sceneList(const ReportModel& model, const ReportWording& wording)
{
    const ReportFacts& facts = model.facts;
    if (facts.programScenes.empty())
        return escapeHtml(wording.text("Report.Facts.NotRecorded"));
    std::string out;
    for (const SceneChange& scene : facts.programScenes) {
        std::string watched;
        if (facts.watchedScenes.empty())
            watched = wording.text("Report.Facts.WatchUnknown");
        else if (std::find(facts.watchedScenes.begin(), facts.watchedScenes.end(), scene.scene) !=
                 facts.watchedScenes.end())
            watched = wording.text("Report.Facts.Watched");
        else
            watched = wording.text("Report.Facts.NotWatched");
        out += escapeHtml(
                   wording.format("Report.Facts.SceneFrom",
                                  {scene.scene, wording.localClock(model.utcMillis(scene.at)), watched})) +
               "<br>";
    }
    return out;
}

std::string recordingList(const ReportModel& model, const ReportWording& wording)
{
    if (model.facts.recordings.empty())
        return escapeHtml(wording.text("Report.Facts.NoRecording"));
    std::string out;
    for (const RecordingSpan& recording : model.facts.recordings) {
        const std::string from = recording.startedAt
                                     ? wording.localClock(model.utcMillis(*recording.startedAt))
                                     : wording.text("Report.Facts.BeforeSession");
        out += "<span class=\"mono\">" + escapeHtml(recording.file) + "</span> " +
               escapeHtml(wording.format("Report.Facts.RecordingSpan",
                                         {from, wording.localClock(model.utcMillis(recording.endedAt))})) +
               "<br>";
    }
    return out;
}

void facts(Html& html, const ReportModel& model, const ReportWording& wording)
{
    const ReportFacts& facts = model.facts;
    html.element("h2", wording.text("Report.Section.Facts"));
    html.raw("<table class=\"facts\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n");
    const std::string packName = wording.localized(facts.packName);
    factRow(html, wording.text("Report.Facts.Platform"),
            escapeHtml(packName.empty() ? facts.packId : packName + " (" + facts.packId + ")"));
    factRow(html, wording.text("Report.Facts.PackVersion"),
            escapeHtml(facts.packVersion) + "<br><span class=\"sub\">" + escapeHtml(facts.packSource) +
                "</span>");
    const std::string kindKey = "Report.Kind." + facts.kind;
    factRow(html, wording.text("Report.Facts.Kind"),
            escapeHtml(wording.text(kindKey) == kindKey ? facts.kind : wording.text(kindKey)));
    factRow(html, wording.text("Report.Facts.Start"), bothTimes(wording, facts.startUtcMillis));
    std::string end = bothTimes(wording, model.utcMillis(facts.duration));
    if (!facts.endedCleanly)
        end += "<br><span class=\"warn\">" + escapeHtml(wording.text("Report.Facts.NotClosed")) + "</span>";
    else if (!facts.endReason.empty())
        end += "<br><span class=\"sub\">" +
               escapeHtml(wording.format("Report.Facts.EndReason", {facts.endReason})) + "</span>";
    factRow(html, wording.text("Report.Facts.End"), end);
    factRow(html, wording.text("Report.Facts.Duration"), escapeHtml(ReportWording::duration(facts.duration)));
    const std::string notRecorded = wording.text("Report.Facts.NotRecorded");
    factRow(html, wording.text("Report.Facts.PluginVersion"),
            escapeHtml(facts.pluginVersion.empty() ? notRecorded : facts.pluginVersion));
    factRow(html, wording.text("Report.Facts.ObsVersion"),
            escapeHtml(facts.obsVersion.empty() ? notRecorded : facts.obsVersion));
    factRow(html, wording.text("Report.Facts.ScenesOnAir"), sceneList(model, wording));
    std::string watched;
    for (const std::string& scene : facts.watchedScenes)
        watched += escapeHtml(scene) + "<br>";
    factRow(html, wording.text("Report.Facts.WatchedScenes"),
            watched.empty() ? escapeHtml(notRecorded) : watched);
    factRow(html, wording.text("Report.Facts.Recording"), recordingList(model, wording));
    if (!facts.errors.empty()) {
        std::string errors;
        for (const std::string& error : facts.errors)
            errors += escapeHtml(error) + "<br>";
        factRow(html, wording.format("Report.Facts.Errors", {std::to_string(facts.errors.size())}), errors);
    }
    if (model.generatedUtcMillis != 0)
        factRow(html, wording.text("Report.Facts.Generated"), bothTimes(wording, model.generatedUtcMillis));
    html.raw("</table>\n");
}

// What the verifier found of the signature, for a record that names a key.
const char* signatureKey(const ReportVerification& verification)
{
    switch (verification.signature) {
    case SignatureStatus::Signed:
        return "Report.Verify.SignatureValid";
    case SignatureStatus::WrongKey:
        return "Report.Verify.SignatureWrongKey";
    case SignatureStatus::NotClosed:
        return "Report.Verify.SignatureNotClosed";
    case SignatureStatus::NotChecked:
    case SignatureStatus::Unsigned:
        break;
    }
    return verification.signaturePresent ? "Report.Verify.SignatureNotChecked"
                                         : "Report.Verify.SignatureMissing";
}

void verification(Html& html, const ReportModel& model, const ReportWording& wording)
{
    const ReportVerification& verification = model.verification;
    html.element("h2", wording.text("Report.Section.Verification"));
    const char* tone = verification.status == RecordStatus::Complete     ? "ok"
                       : verification.status == RecordStatus::Incomplete ? "warn"
                                                                         : "bad";
    html.raw("<p class=\"")
        .raw(tone)
        .raw("\">")
        .text(wording.verificationVerdict(verification))
        .raw("</p>\n");
    html.raw("<table class=\"facts\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n");
    factRow(html, wording.text("Report.Verify.FinalHash"),
            "<span class=\"mono\">" + escapeHtml(verification.finalHash) + "</span>");
    std::string signature;
    if (verification.keyFingerprint.empty())
        signature = escapeHtml(wording.text("Report.Verify.Unsigned"));
    else
        signature = "<span class=\"mono\">" + escapeHtml(verification.keyFingerprint) + "</span><br>" +
                    escapeHtml(wording.text(signatureKey(verification)));
    factRow(html, wording.text("Report.Verify.Key"), signature);
    html.raw("</table>\n<p class=\"sub\">").text(wording.text("Report.Verify.Explain")).raw("</p>\n");
}

void statements(Html& html, const ReportModel& model, const ReportWording& wording)
{
    html.element("h2", wording.text("Report.Section.Statements"));
    html.raw("<ul>\n");
    for (const ReportStatement& statement : model.statements)
        html.raw("<li>").text(wording.statement(statement, model)).raw("</li>\n");
    html.raw("</ul>\n");
}

std::string timelineSvg(const RuleTimeline& timeline, Millis duration)
{
    const double total = static_cast<double>(std::max<Millis::rep>(1, duration.count()));
    std::string svg = "<svg class=\"bar\" viewBox=\"0 0 " + std::to_string(kTimelineWidth) +
                      " 18\" preserveAspectRatio=\"none\" height=\"18\" xmlns=\"http://www.w3.org/2000/svg\">"
                      "<rect width=\"" +
                      std::to_string(kTimelineWidth) + "\" height=\"18\" fill=\"" +
                      stateColour(FindingState::Clear).hex() + "\"/>";
    for (const StateSpan& span : timeline.states) {
        const double x = static_cast<double>(span.span.from.count()) / total * kTimelineWidth;
        // A moment of a few seconds in a two-hour session would vanish: at least 2 units wide.
        const double width =
            std::max(2.0, static_cast<double>(span.span.length().count()) / total * kTimelineWidth);
        char rect[160];
        std::snprintf(rect, sizeof rect, "<rect x=\"%.2f\" width=\"%.2f\" height=\"18\" fill=\"%s\"/>", x,
                      width, stateColour(span.state).hex().c_str());
        svg += rect;
    }
    return svg + "</svg>";
}

void timelines(Html& html, const ReportModel& model, const ReportWording& wording, const ReportPage& page)
{
    html.element("h2", wording.text("Report.Section.Timelines"));
    html.raw("<p class=\"sub\">");
    for (const FindingState state : {FindingState::Clear, FindingState::Notice, FindingState::Warning,
                                     FindingState::Critical, FindingState::Breach})
        html.raw(badge(wording, state)).raw(" ");
    html.raw("</p>\n<table class=\"timeline\" cellspacing=\"0\" cellpadding=\"2\">\n");
    const std::string from = wording.localClock(model.facts.startUtcMillis);
    const std::string to = wording.localClock(model.utcMillis(model.facts.duration));
    for (std::size_t i = 0; i < model.timelines.size(); ++i) {
        const RuleTimeline& timeline = model.timelines[i];
        html.raw("<tr><td width=\"26%\">")
            .text(wording.ruleTitle(timeline.ruleId, timeline.title))
            .raw("<br>");
        html.raw(badge(wording, timeline.worst)).raw("</td><td>");
        if (page.flavour == HtmlFlavour::Browser)
            html.raw(timelineSvg(timeline, model.facts.duration));
        else
            html.raw("<img src=\"" + reportTimelineName(i) + "\" width=\"440\" height=\"14\">");
        html.raw("<br><span class=\"sub\">").text(from + " – " + to).raw("</span></td></tr>\n");
    }
    html.raw("</table>\n");
}

std::string imageHtml(const ReportThumbnail& thumbnail, std::size_t index, const ReportPage& page)
{
    if (thumbnail.jpeg.empty())
        return {};
    if (page.flavour == HtmlFlavour::QtRichText)
        return "<img src=\"" + reportThumbnailName(index) + "\" width=\"130\">";
    return "<img class=\"thumb\" alt=\"evidence\" src=\"data:image/jpeg;base64," +
           base64Encode(thumbnail.jpeg) + "\">";
}

void findingRow(Html& html, const ReportModel& model, const ReportWording& wording, std::size_t index,
                const ReportThumbnail* thumbnail, const ReportPage& page)
{
    const ReportFinding& finding = model.findings[index];
    html.raw("<tr><td>").text(std::to_string(index + 1)).raw("</td><td>");
    html.text(wording.ruleTitle(finding.ruleId, finding.title))
        .raw("<br>")
        .raw(badge(wording, finding.worst));
    html.raw("</td><td>");
    const TimeSpan held = finding.conditionSpan();
    html.text(wording.format("Report.Findings.Seen", {wording.localClock(model.utcMillis(held.from)),
                                                      wording.localClock(model.utcMillis(held.to)),
                                                      ReportWording::duration(held.length())}));
    html.raw("<br><span class=\"sub\">").text(wording.utcDateTime(model.utcMillis(held.from))).raw("</span>");
    html.raw("</td><td>");
    for (const StateReached& state : finding.states)
        html.text(wording.format("Report.Findings.StateAt", {wording.stateWord(state.state),
                                                             wording.localClock(model.utcMillis(state.at))}))
            .raw("<br>");
    if (finding.clearedAt)
        html.text(wording.format("Report.Findings.ClearedAt",
                                 {wording.localClock(model.utcMillis(*finding.clearedAt))}));
    else
        html.text(wording.text("Report.Findings.StillOpen"));
    html.raw("</td><td>");
    if (finding.recordingOffset)
        html.text(ReportWording::position(*finding.recordingOffset));
    else
        html.text(wording.text("Report.Findings.NotRecording"));
    html.raw("</td><td>").text(wording.seenText(finding.seen)).raw("</td><td>");
    if (thumbnail != nullptr)
        html.raw(imageHtml(*thumbnail, index, page));
    html.raw("</td></tr>\n");
}

void findings(Html& html, const ReportModel& model, const ReportWording& wording,
              const std::vector<ReportThumbnail>& thumbnails, const ReportPage& page)
{
    html.element("h2", wording.format("Report.Section.Findings", {std::to_string(model.findings.size())}));
    if (model.findings.empty()) {
        html.element("p", wording.text("Report.Findings.None"));
        return;
    }
    html.raw("<table class=\"findings\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n<tr>");
    // Widths as attributes: Qt's rich text (the PDF) reads those, browsers too.
    const std::pair<const char*, const char*> columns[] = {
        {"Report.Findings.Number", "3%"},   {"Report.Findings.Rule", "14%"},  {"Report.Findings.When", "16%"},
        {"Report.Findings.States", "15%"},  {"Report.Findings.Offset", "9%"}, {"Report.Findings.What", "19%"},
        {"Report.Findings.Evidence", "24%"}};
    for (const auto& [column, width] : columns)
        html.element("th", wording.text(column), std::string("width=\"") + width + "\"");
    html.raw("</tr>\n");
    for (std::size_t i = 0; i < model.findings.size(); ++i)
        findingRow(html, model, wording, i, i < thumbnails.size() ? &thumbnails[i] : nullptr, page);
    html.raw("</table>\n");
}

} // namespace

std::string escapeHtml(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string reportThumbnailName(std::size_t findingIndex)
{
    return "cg-thumb-" + std::to_string(findingIndex);
}

std::string reportTimelineName(std::size_t timelineIndex)
{
    return "cg-timeline-" + std::to_string(timelineIndex);
}

std::string renderReportHtml(const ReportModel& model, const ReportWording& wording,
                             const std::vector<ReportThumbnail>& thumbnails, const ReportPage& page)
{
    Html html;
    html.raw("<!DOCTYPE html>\n<html lang=\"")
        .text(wording.language())
        .raw("\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.element("title", wording.text("Report.Title") + " — " + model.facts.sessionFolder);
    if (page.flavour == HtmlFlavour::Browser)
        html.raw("<style>").raw(kBrowserStyle).raw("</style>\n");
    html.raw("</head>\n<body>\n");
    html.element("h1", wording.text("Report.Title"));
    html.raw("<p class=\"sub\">").text(model.facts.sessionFolder).raw("</p>\n");
    facts(html, model, wording);
    verification(html, model, wording);
    statements(html, model, wording);
    timelines(html, model, wording, page);
    findings(html, model, wording, thumbnails, page);
    html.raw("<p class=\"sub\">");
    if (page.facesBlurred)
        html.text(wording.text("Report.Footer.FacesBlurred")).raw(" ");
    html.text(wording.text("Report.Footer.Local")).raw("</p>\n</body>\n</html>\n");
    return html.take();
}

bool writeReportHtml(const ReportModel& model, const ReportWording& wording,
                     const std::vector<ReportThumbnail>& thumbnails, bool facesBlurred,
                     const std::filesystem::path& file, std::string* error)
{
    const std::string html =
        renderReportHtml(model, wording, thumbnails, {HtmlFlavour::Browser, facesBlurred});
    std::ofstream output(file, std::ios::binary | std::ios::trunc);
    if (output)
        output.write(html.data(), static_cast<std::streamsize>(html.size()));
    output.close();
    if (!output) {
        if (error != nullptr)
            *error = "cannot write " + file.string() + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

} // namespace cg

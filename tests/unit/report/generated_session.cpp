#include "unit/report/generated_session.hpp"

#include "core/analyzer.hpp"
#include "core/codes/code_detector.hpp"
#include "core/compliance_session.hpp"
#include "core/presence/presenter_detector.hpp"
#include "core/rules/rule_pack_loader.hpp"
#include "unit/codes/code_images.hpp"
#include "unit/presence/drawn_face.hpp"
#include "unit/rules/shipped_rules_dir.hpp"

#include <ZXing/BarcodeFormat.h>

#include <algorithm>

namespace cg::test {

using namespace std::chrono_literals;

cv::Mat sessionPicture(bool presenter, bool qrCode)
{
    cv::Mat picture = emptyRoom({640, 360});
    if (presenter)
        drawFace(picture, {220, 170}, 90);
    if (qrCode)
        place(picture, renderCode(ZXing::BarcodeFormat::QRCode, "https://weixin.qq.com/r/report-test", 4),
              440, 110);
    return picture;
}

GeneratedSession generateSession(const std::filesystem::path& parent)
{
    GeneratedSession session;
    // 2026-11-25T14:02:10Z
    session.startUtcMillis = 1795615330000;
    session.end = 600s;
    session.qrShown = {{40s, 45s}, {400s, 402s}};
    session.absentFrom = 100s;
    session.absentTo = 330s;
    session.recordingFrom = 30s;
    session.recordingTo = 500s;
    session.recordingFile = "/home/seller/Videos/2026-11-25 14-02-40.mkv";

    ManualClock clock(session.startUtcMillis);
    session.dir = RecordWriter::newSessionFolder(parent, session.startUtcMillis, "stream");
    auto writer = std::make_unique<RecordWriter>(session.dir, clock);
    ComplianceSession compliance(loadRulePack(shippedRulesDir() / "alibaba.json"), clock, std::move(writer),
                                 {{"kind", "stream"}});
    compliance.note("scene_change", {{"program", "Main"}});
    compliance.note("settings_changed", {{"watched_scenes", {"Main"}}});

    std::vector<std::unique_ptr<Detector>> detectors;
    detectors.push_back(std::make_unique<CodeDetector>());
    detectors.push_back(std::make_unique<PresenterDetector>());
    Analyzer analyzer(std::move(detectors));

    const cv::Mat withPresenter = sessionPicture(true, false);
    const cv::Mat withPresenterAndCode = sessionPicture(true, true);
    const cv::Mat empty = sessionPicture(false, false);
    const auto keep = [&session](std::vector<FindingEvent> events) {
        for (FindingEvent& event : events) {
            event.finding.evidenceFrame = Frame{};
            session.events.push_back(std::move(event));
        }
    };
    // One picture a second near each change in the script, one every five seconds in between: the
    // findings' times come out the same, at a third of the cost.
    std::vector<Millis> changes{session.absentFrom, session.absentTo, session.recordingFrom,
                                session.recordingTo};
    for (const auto& [from, to] : session.qrShown) {
        changes.push_back(from);
        changes.push_back(to);
    }
    const auto nearChange = [&changes](Millis t) {
        return std::any_of(changes.begin(), changes.end(),
                           [t](Millis c) { return t >= c - 8s && t <= c + 8s; });
    };
    for (Millis t{0}; t < session.end; t += nearChange(t) ? 1s : 5s) {
        clock.set(t);
        if (t == session.recordingFrom)
            compliance.note("recording_started", {{"file", session.recordingFile}});
        if (t == session.recordingTo)
            compliance.note("recording_stopped", {{"file", session.recordingFile}});
        const bool absent = t >= session.absentFrom && t < session.absentTo;
        bool code = false;
        for (const auto& [from, to] : session.qrShown)
            code = code || (t >= from && t <= to);
        const cv::Mat& picture = absent ? empty : code ? withPresenterAndCode : withPresenter;
        keep(compliance.onResult(analyzer.step(Frame::fromMat(picture, t))));
        keep(compliance.tick());
    }
    clock.set(session.end);
    keep(compliance.close({{"reason", "stream stopped"}}));
    return session;
}

} // namespace cg::test

#pragma once

// The one interface between the guard (filters + session service, in the OBS module) and everything
// that watches it: the dock, obs-websocket clients and tests. All of it goes through libobs's
// global proc handler and signal handler (obs_get_proc_handler(), obs_get_signal_handler()), with
// JSON strings as payloads, so the dock never touches a filter and signals can be moved onto the
// Qt thread with queued connections.
//
// Status JSON (proc `status`, signal `status_changed`, vendor request GetStatus):
// {
//   "state": "clear" | "notice" | "warning" | "critical" | "breach",   worst open finding
//   "acknowledged": bool,             the streamer acknowledged the current warning (hotkey/dock)
//   "analysing": bool,                a watched scene is on the program output (or rehearsal mode)
//   "pack": {"id": "alibaba", "name": {"en-US": ..., "zh-CN": ...}, "error": null | "file: field: ..."},
//   "session": {"kind": "rehearsal" | "stream" | "recording", "dir": ABS_PATH, "started_utc_ms": N,
//               "recording_file": ABS_PATH | null, "error": null | "message"},
//   "records_dir": ABS_PATH,          where the sessions' record folders are written
//   "rules": [ one row per rule whose condition holds now or whose finding is open:
//     {"rule": id, "category": "qr_code", "state": "notice"..., "title": {"en-US", "zh-CN"},
//      "seen_for_s": 12.5, "limit_s": 300, "time_to_limit_s": 287.5, "detail": "decoded text or ''",
//      "seen": [ at most 3: {"category": "text", "label": "wechat", "text": "VX abc123",
//                "position": "lower_right" (cg::framePosition) } ],
//      "platform": {"en-US", "zh-CN"} (pack name)} ],
//   "scenes": [ {"name": ..., "watched": bool, "on_program": bool, "in_preview": bool} ],
//   "recent": [ newest first, at most 20:
//     {"change": "finding_opened" | "finding_changed" | "finding_cleared", "rule": id,
//      "state": ..., "title": {...}, "utc_ms": N, "t_s": seconds since session start,
//      "detail": "...", "seen": [...], "evidence": ABS_PATH | null} ],
//   "errors": ["message naming file and field", ...]     problems to show in the dock
//   "presenters": {"state": "idle" | "collecting" | "enrolling", "enrolled": [names], "samples": N,
//                  "last": null | {"ok": bool, "frames": N, "samples": N, "error": "..."}}
// }
namespace cg::obs::api {

// Procs on obs_get_proc_handler().
inline constexpr const char* procStatus = "compliance_guard_status"; // out string json
inline constexpr const char* procStatusDecl = "void compliance_guard_status(out string json)";
inline constexpr const char* procSetSceneWatched = "compliance_guard_set_scene_watched";
inline constexpr const char* procSetSceneWatchedDecl =
    "void compliance_guard_set_scene_watched(in string scene, in bool watched)";
inline constexpr const char* procAcknowledge = "compliance_guard_acknowledge";
inline constexpr const char* procAcknowledgeDecl = "void compliance_guard_acknowledge()";
// "This is me": enrol the face in the next seconds of analysed frames / forget every enrolled face.
inline constexpr const char* procEnrolPresenter = "compliance_guard_enrol_presenter";
inline constexpr const char* procEnrolPresenterDecl = "void compliance_guard_enrol_presenter()";
inline constexpr const char* procForgetPresenters = "compliance_guard_forget_presenters";
inline constexpr const char* procForgetPresentersDecl = "void compliance_guard_forget_presenters()";
inline constexpr const char* procVerify = "compliance_guard_verify"; // in string dir, out string json
inline constexpr const char* procVerifyDecl = "void compliance_guard_verify(in string dir, out string json)";

// Signals on obs_get_signal_handler(), each with one parameter `json`.
inline constexpr const char* signalStatusChanged = "compliance_guard_status_changed";
inline constexpr const char* signalStatusChangedDecl = "void compliance_guard_status_changed(string json)";
// A finding opened, changed state or cleared: {"change", "rule", "state", "previous_state", ...}.
inline constexpr const char* signalFinding = "compliance_guard_finding";
inline constexpr const char* signalFindingDecl = "void compliance_guard_finding(string json)";
// An escalation to warning or worse that the streamer must see now: the dock raises itself and the
// tray shows a message. {"rule", "state", "title", "detail", "seen", "platform"}.
inline constexpr const char* signalAlert = "compliance_guard_alert";
inline constexpr const char* signalAlertDecl = "void compliance_guard_alert(string json)";

// obs-websocket vendor "compliance-guard": requests GetStatus, GetFindings, GetSession,
// SetSceneWatched {"scene", "watched"}, Acknowledge, EnrolPresenter, ForgetPresenters; events FindingChanged
// (the finding JSON) and SessionChanged (the session JSON).
inline constexpr const char* vendorName = "compliance-guard";

// The filter's id.
inline constexpr const char* filterId = "compliance_guard_filter";

} // namespace cg::obs::api

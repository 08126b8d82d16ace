#pragma once

#include "core/clock.hpp"
#include "core/record/record_error.hpp"

#include <nlohmann/json.hpp>
#include <opencv2/core/mat.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace cg {

class AppendOnlyFile;
class SigningKey;

// Receives the writer's problems in plain words, each naming the file and the OS error. Called on
// the writer's thread (or on the caller's for append() after close()); it must not call back into
// the writer.
using RecordErrorHandler = std::function<void(const std::string& message)>;

struct RecordWriterOptions {
    // Wait before retrying a line the disk refused (full disk, I/O error).
    std::chrono::milliseconds retryInterval{1000};
    // How long close() keeps retrying refused lines before giving them up (and saying so).
    std::chrono::milliseconds closeTimeout{10000};
    // Lines waiting beyond this many are dropped and counted; the record then holds an `error` line
    // at their place saying how many and of which types.
    std::size_t maxQueuedLines = 10000;
    // Pictures waiting beyond this many are dropped; their lines are kept with "evidence_dropped"
    // in the payload.
    std::size_t maxQueuedEvidence = 32;
    int jpegQuality = 85;
    // The installation's key (SigningKey::loadOrCreate). With it, session_start names the key and
    // session_end carries a signature over the record's final hash; without it the record is
    // complete but unsigned.
    std::shared_ptr<const SigningKey> signingKey;
    // Told, on the writer's thread, where each evidence picture was stored (label as appended).
    // It must not call back into the writer nor wait on anything that waits for the writer.
    std::function<void(const std::string& label, const std::filesystem::path& file)> onEvidenceWritten;
};

// Writes one session's compliance record (DESIGN.md section 5, FORMAT.md): session.jsonl, one
// hash-chained JSON line per event, and evidence/ with the JPEG pictures the lines refer to.
//
// append() only stamps the time and queues; the writer's own thread numbers and chains the lines,
// writes the pictures, writes each line with a single write() and fsyncs finding_*, session_* and
// error lines. When the disk refuses a line the writer reports it, keeps the line and retries it
// (lines behind it wait in order) until it succeeds or close() runs out of time; nothing already
// written is touched, so the record stays verifiable.
class RecordWriter {
  public:
    using ErrorHandler = RecordErrorHandler;

    // A new folder name under parent, e.g. "2026-11-25T13-02-11Z-stream", with "-2", "-3", ...
    // appended when that name exists already. The folder is not created.
    static std::filesystem::path newSessionFolder(const std::filesystem::path& parent, std::int64_t utcMillis,
                                                  std::string_view kind);

    // Creates sessionDir and evidence/ and starts session.jsonl. Throws RecordError naming the
    // path and the OS error when that fails, and when the folder already holds a session.jsonl.
    RecordWriter(std::filesystem::path sessionDir, const Clock& clock, ErrorHandler onError = {},
                 RecordWriterOptions options = {});
    ~RecordWriter();
    RecordWriter(const RecordWriter&) = delete;
    RecordWriter& operator=(const RecordWriter&) = delete;

    // Queues one line stamped with the clock's time now; never waits for the disk. The type must
    // be one of FORMAT.md's (std::invalid_argument otherwise); session_end is written by close().
    // The first line is always session_start: one with an empty payload is added when the first
    // line appended is of another type. A null payload becomes {}, any other non-object
    // {"value": payload}. The picture (8-bit BGR) is copied and stored as JPEG.
    void append(std::string type, nlohmann::json payload, std::optional<cv::Mat> evidenceBgr = {},
                std::string evidenceLabel = {});

    // Appends session_end, writes everything queued, fsyncs and stops the thread. Idempotent; the
    // destructor calls it. Lines the disk still refuses after options.closeTimeout are given up and
    // reported (linesLost()).
    void close(nlohmann::json payload = {});

    [[nodiscard]] const std::filesystem::path& sessionDir() const { return sessionDir_; }
    [[nodiscard]] std::uint64_t linesWritten() const { return linesWritten_.load(); }
    // Lines dropped because the queue was full, or given up at close.
    [[nodiscard]] std::uint64_t linesLost() const { return linesLost_.load(); }

  private:
    struct PendingLine {
        std::string type;
        nlohmann::json payload;
        std::int64_t ts = 0;
        std::int64_t t = 0;
        std::optional<cv::Mat> evidence;
        std::string evidenceLabel;
        std::uint64_t droppedLines = 0; // > 0: stands for lines dropped here
    };

    [[nodiscard]] PendingLine stampedLine(std::string type, nlohmann::json payload) const;
    void enqueueLocked(PendingLine line);
    void noteDroppedLocked(const std::string& type);
    void run();
    // Writes one line, retrying while the disk refuses it; false when close() ran out of time.
    bool writeWithRetry(PendingLine line);
    std::string prepareLine(PendingLine& line, std::string& hash);
    void report(const std::string& message);

    std::filesystem::path sessionDir_;
    const Clock& clock_;
    ErrorHandler onError_;
    RecordWriterOptions options_;
    std::unique_ptr<AppendOnlyFile> file_;

    std::mutex mutex_;
    std::condition_variable wakeUp_;
    std::deque<PendingLine> queue_;
    std::size_t queuedEvidence_ = 0;
    bool startQueued_ = false;
    bool closing_ = false;
    std::chrono::steady_clock::time_point closeDeadline_;

    // Owned by the writer thread.
    std::int64_t nextSeq_ = 0;
    std::string lastHash_;
    bool failing_ = false;

    std::atomic<std::uint64_t> linesWritten_{0};
    std::atomic<std::uint64_t> linesLost_{0};
    std::thread thread_;
};

} // namespace cg

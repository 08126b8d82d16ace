#include "core/record/record_writer.hpp"

#include "core/record/record_files.hpp"
#include "core/record/record_line.hpp"
#include "core/record/record_signature.hpp"
#include "core/record/sha256.hpp"

#include <opencv2/imgcodecs.hpp>

#include <ctime>
#include <iostream>
#include <stdexcept>
#include <vector>

namespace cg {
namespace {

std::string folderKind(std::string_view kind)
{
    std::string cleaned;
    for (const char c : kind) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
            cleaned.push_back(c);
        else if (c >= 'A' && c <= 'Z')
            cleaned.push_back(static_cast<char>(c - 'A' + 'a'));
        else if (!cleaned.empty() && cleaned.back() != '-')
            cleaned.push_back('-');
    }
    while (!cleaned.empty() && cleaned.back() == '-')
        cleaned.pop_back();
    return cleaned.empty() ? "session" : cleaned;
}

std::string utcFolderStamp(std::int64_t utcMillis)
{
    std::int64_t seconds = utcMillis / 1000;
    if (utcMillis < 0 && utcMillis % 1000 != 0)
        --seconds;
    const auto time = static_cast<std::time_t>(seconds);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char text[64];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H-%M-%SZ", &utc);
    return text;
}

void createFolder(const std::filesystem::path& folder)
{
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error)
        throw RecordError("cannot create " + folder.string() + ": " + error.message());
    if (!std::filesystem::is_directory(folder, error))
        throw RecordError("cannot create " + folder.string() + ": it exists and is not a folder");
}

} // namespace

std::filesystem::path RecordWriter::newSessionFolder(const std::filesystem::path& parent,
                                                     std::int64_t utcMillis, std::string_view kind)
{
    const std::string base = utcFolderStamp(utcMillis) + "-" + folderKind(kind);
    std::filesystem::path candidate = parent / base;
    std::error_code error;
    for (int suffix = 2; std::filesystem::exists(candidate, error); ++suffix)
        candidate = parent / (base + "-" + std::to_string(suffix));
    return candidate;
}

RecordWriter::RecordWriter(std::filesystem::path sessionDir, const Clock& clock, ErrorHandler onError,
                           RecordWriterOptions options)
    : sessionDir_(std::move(sessionDir)), clock_(clock), onError_(std::move(onError)), options_(options),
      lastHash_(kGenesisHash)
{
    createFolder(sessionDir_);
    file_ = std::make_unique<AppendOnlyFile>(sessionDir_ / kRecordFileName);
    createFolder(sessionDir_ / kEvidenceFolderName);
    if (const FileError error = syncFolder(sessionDir_))
        report(*error);
    thread_ = std::thread(&RecordWriter::run, this);
}

RecordWriter::~RecordWriter()
{
    close();
}

void RecordWriter::append(std::string type, nlohmann::json payload, std::optional<cv::Mat> evidenceBgr,
                          std::string evidenceLabel)
{
    if (!isRecordLineType(type))
        throw std::invalid_argument("RecordWriter::append: unknown record line type \"" + type + "\"");
    if (type == "session_end")
        throw std::invalid_argument("RecordWriter::append: session_end is written by close()");
    if (payload.is_null())
        payload = nlohmann::json::object();
    else if (!payload.is_object())
        payload = nlohmann::json{{"value", std::move(payload)}};

    std::optional<cv::Mat> picture;
    if (evidenceBgr && !evidenceBgr->empty())
        picture = evidenceBgr->clone(); // outside the lock: the caller's buffer may change after we return

    std::unique_lock lock(mutex_);
    if (closing_) {
        lock.unlock();
        report("record line \"" + type + "\" appended after close() to " +
               (sessionDir_ / kRecordFileName).string() + " was not written");
        return;
    }
    if (type == "session_start" && startQueued_)
        throw std::invalid_argument("RecordWriter::append: a session has one session_start line");
    if (!startQueued_ && type != "session_start")
        enqueueLocked(stampedLine("session_start", nlohmann::json::object()));
    startQueued_ = true;

    if (queue_.size() >= options_.maxQueuedLines) {
        noteDroppedLocked(type);
        return;
    }
    PendingLine line = stampedLine(std::move(type), std::move(payload));
    if (picture) {
        if (queuedEvidence_ >= options_.maxQueuedEvidence) {
            line.payload["evidence_dropped"] = "the record writer was too far behind to store the picture";
        } else {
            line.evidence = std::move(picture);
            line.evidenceLabel = std::move(evidenceLabel);
        }
    }
    enqueueLocked(std::move(line));
}

void RecordWriter::close(nlohmann::json payload)
{
    {
        std::lock_guard lock(mutex_);
        if (closing_)
            return;
        if (!startQueued_)
            enqueueLocked(stampedLine("session_start", nlohmann::json::object()));
        startQueued_ = true;
        if (!payload.is_object())
            payload =
                payload.is_null() ? nlohmann::json::object() : nlohmann::json{{"value", std::move(payload)}};
        enqueueLocked(stampedLine("session_end", std::move(payload)));
        closing_ = true;
        closeDeadline_ = std::chrono::steady_clock::now() + options_.closeTimeout;
    }
    wakeUp_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

RecordWriter::PendingLine RecordWriter::stampedLine(std::string type, nlohmann::json payload) const
{
    PendingLine line;
    line.type = std::move(type);
    line.payload = std::move(payload);
    line.ts = clock_.utcMillis();
    line.t = clock_.now().count();
    return line;
}

void RecordWriter::enqueueLocked(PendingLine line)
{
    if (line.evidence)
        ++queuedEvidence_;
    queue_.push_back(std::move(line));
    wakeUp_.notify_one();
}

// Dropped lines are represented in the queue, at their place, by one `error` line that counts them.
void RecordWriter::noteDroppedLocked(const std::string& type)
{
    ++linesLost_;
    if (queue_.empty() || queue_.back().droppedLines == 0) {
        PendingLine marker = stampedLine("error", nlohmann::json::object());
        marker.payload["dropped_types"] = nlohmann::json::object();
        queue_.push_back(std::move(marker));
    }
    PendingLine& marker = queue_.back();
    ++marker.droppedLines;
    auto& count = marker.payload["dropped_types"][type];
    count = count.is_number() ? count.get<std::uint64_t>() + 1 : 1;
}

void RecordWriter::run()
{
    std::unique_lock lock(mutex_);
    for (;;) {
        wakeUp_.wait(lock, [this] { return !queue_.empty() || closing_; });
        if (queue_.empty())
            return;
        PendingLine line = std::move(queue_.front());
        queue_.pop_front();
        if (line.evidence)
            --queuedEvidence_;
        lock.unlock();
        const bool written = writeWithRetry(std::move(line));
        lock.lock();
        if (!written) {
            const std::size_t lost = 1 + queue_.size();
            linesLost_ += lost;
            queue_.clear();
            lock.unlock();
            report("gave up " + std::to_string(lost) + " record lines that could not be written to " +
                   file_->path().string() + " before close() timed out; the record ends without session_end");
            return;
        }
    }
}

std::string RecordWriter::prepareLine(PendingLine& line, std::string& hash)
{
    const bool durable = isDurableRecordLineType(line.type);
    if (line.droppedLines > 0) {
        line.payload["dropped_lines"] = line.droppedLines;
        line.payload["message"] = std::to_string(line.droppedLines) +
                                  " record lines were dropped here because the writer could not keep up "
                                  "or the disk refused to write";
        report(line.payload["message"].get<std::string>() + " (" + file_->path().string() + ")");
    }
    if (line.type == "session_start")
        nameKeyInSessionStart(line.payload, options_.signingKey.get());
    nlohmann::json json = {{"seq", nextSeq_},   {"ts", line.ts},           {"t", line.t},
                           {"type", line.type}, {"payload", line.payload}, {"prev", lastHash_}};
    if (line.evidence) {
        const std::string name = evidenceFileName(nextSeq_, line.evidenceLabel);
        std::vector<std::uint8_t> jpeg;
        FileError error;
        try {
            cv::imencode(".jpg", *line.evidence, jpeg, {cv::IMWRITE_JPEG_QUALITY, options_.jpegQuality});
            error = writeWholeFile(sessionDir_ / name, jpeg, durable);
        } catch (const cv::Exception& exception) {
            error = "cannot encode " + (sessionDir_ / name).string() + ": " + exception.what();
        }
        if (error) {
            // A line is never held back for its picture: the fact is recorded, the picture is not.
            json["payload"]["evidence_error"] = *error;
            report(*error);
        } else {
            json["evidence"] = {{"file", name}, {"sha256", sha256Hex(jpeg)}};
            if (options_.onEvidenceWritten)
                options_.onEvidenceWritten(line.evidenceLabel, sessionDir_ / name);
        }
        line.evidence.reset();
    }
    hash = recordLineHash(lastHash_, json);
    json["hash"] = hash;
    if (line.type == "session_end" && options_.signingKey) {
        try {
            json["signature"] = closingSignature(*options_.signingKey, hash);
        } catch (const std::exception& error) {
            // A record that names a key but ends unsigned verifies as tampered at its last line, so
            // the reason is told here, where it is known.
            report(std::string(error.what()) + "; " + (sessionDir_ / kRecordFileName).string() +
                   " ends without a signature");
        }
    }
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool RecordWriter::writeWithRetry(PendingLine line)
{
    std::string hash;
    const std::string text = prepareLine(line, hash);
    const bool durable = isDurableRecordLineType(line.type);
    std::uint64_t failedAttempts = 0;
    for (;;) {
        const FileError error = file_->append(text);
        if (!error) {
            if (durable) {
                if (const FileError syncError = file_->sync())
                    report(*syncError);
            }
            ++nextSeq_;
            lastHash_ = hash;
            ++linesWritten_;
            if (failing_)
                report("writing to " + file_->path().string() + " again after " +
                       std::to_string(failedAttempts) + " failed attempts; no line was lost");
            failing_ = false;
            return true;
        }
        if (!failing_)
            report(*error + "; the line is kept and retried every " +
                   std::to_string(options_.retryInterval.count()) + " ms");
        failing_ = true;
        ++failedAttempts;

        std::unique_lock lock(mutex_);
        if (closing_ && std::chrono::steady_clock::now() >= closeDeadline_)
            return false;
        // Sleeps until the next attempt, or wakes at once when close() starts its countdown.
        const auto wakeAt = std::chrono::steady_clock::now() + options_.retryInterval;
        wakeUp_.wait_until(lock, closing_ ? std::min(wakeAt, closeDeadline_) : wakeAt,
                           [this, wasClosing = closing_] { return closing_ != wasClosing; });
    }
}

void RecordWriter::report(const std::string& message)
{
    if (onError_) {
        try {
            onError_(message);
        } catch (...) {
            // The handler's problem must not stop the record.
        }
    } else {
        std::cerr << "[compliance-guard] record: " << message << '\n';
    }
}

} // namespace cg

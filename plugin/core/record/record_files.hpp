#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace cg {

// The POSIX file operations of the record writer. Each failure is returned as a message naming
// the file and the OS error ("cannot write /x/session.jsonl: No space left on device").
using FileError = std::optional<std::string>;

// session.jsonl opened for appending whole lines.
class AppendOnlyFile {
  public:
    // Creates the file; refuses (RecordError) when it exists already or cannot be created.
    explicit AppendOnlyFile(std::filesystem::path path);
    ~AppendOnlyFile();
    AppendOnlyFile(const AppendOnlyFile&) = delete;
    AppendOnlyFile& operator=(const AppendOnlyFile&) = delete;

    // Writes the bytes with one write() call (continuing only after a short write). When the
    // write fails part way the file is cut back to its previous end, so that a line is either
    // entirely in the file or not at all and a later retry does not leave a torn line mid-file.
    FileError append(std::string_view bytes);
    FileError sync();
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
    int fd_ = -1;
    off_t end_ = 0;
};

// Writes a whole new file (replacing one of the same name), optionally fsynced; a file left
// half-written by a failure is removed.
FileError writeWholeFile(const std::filesystem::path& path, std::span<const std::uint8_t> bytes, bool sync);

// fsync of a folder, so that the names created in it survive a power cut.
FileError syncFolder(const std::filesystem::path& folder);

std::string describeOsError(std::string_view action, const std::filesystem::path& path, int error);

} // namespace cg

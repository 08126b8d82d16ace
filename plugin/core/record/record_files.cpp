#include "core/record/record_files.hpp"

#include "core/record/record_error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace cg {
namespace {

// Writes everything, retrying on EINTR and after short writes; returns 0 or the errno.
int writeAll(int fd, const char* data, std::size_t size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return 0;
}

} // namespace

std::string describeOsError(std::string_view action, const std::filesystem::path& path, int error)
{
    return std::string(action) + " " + path.string() + ": " + std::strerror(error);
}

AppendOnlyFile::AppendOnlyFile(std::filesystem::path path) : path_(std::move(path))
{
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) {
        if (errno == EEXIST)
            throw RecordError("refusing to reuse " + path_.string() +
                              ": the folder already holds a session record");
        throw RecordError(describeOsError("cannot create", path_, errno));
    }
}

AppendOnlyFile::~AppendOnlyFile()
{
    if (fd_ >= 0)
        ::close(fd_);
}

FileError AppendOnlyFile::append(std::string_view bytes)
{
    const int error = writeAll(fd_, bytes.data(), bytes.size());
    if (error == 0) {
        end_ += static_cast<off_t>(bytes.size());
        return std::nullopt;
    }
    std::string message = describeOsError("cannot write", path_, error);
    if (::ftruncate(fd_, end_) != 0)
        message += std::string("; and cannot cut back the partial line: ") + std::strerror(errno);
    return message;
}

FileError AppendOnlyFile::sync()
{
    if (::fsync(fd_) != 0)
        return describeOsError("cannot fsync", path_, errno);
    return std::nullopt;
}

FileError writeWholeFile(const std::filesystem::path& path, std::span<const std::uint8_t> bytes, bool sync)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return describeOsError("cannot create", path, errno);
    int error = writeAll(fd, reinterpret_cast<const char*>(bytes.data()), bytes.size());
    std::string action = "cannot write";
    if (error == 0 && sync && ::fsync(fd) != 0) {
        error = errno;
        action = "cannot fsync";
    }
    if (::close(fd) != 0 && error == 0) {
        error = errno;
        action = "cannot close";
    }
    if (error == 0)
        return std::nullopt;
    ::unlink(path.c_str());
    return describeOsError(action, path, error);
}

FileError syncFolder(const std::filesystem::path& folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return describeOsError("cannot open", folder, errno);
    FileError result;
    if (::fsync(fd) != 0)
        result = describeOsError("cannot fsync", folder, errno);
    ::close(fd);
    return result;
}

} // namespace cg

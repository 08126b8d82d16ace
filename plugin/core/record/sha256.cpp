#include "core/record/sha256.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <openssl/evp.h>
#include <stdexcept>
#include <unistd.h>

namespace cg {
namespace {

struct DigestContextDeleter {
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
using DigestContext = std::unique_ptr<EVP_MD_CTX, DigestContextDeleter>;

DigestContext startDigest()
{
    DigestContext context(EVP_MD_CTX_new());
    if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256: OpenSSL could not start a digest");
    return context;
}

void addToDigest(EVP_MD_CTX* context, const void* data, std::size_t size)
{
    if (EVP_DigestUpdate(context, data, size) != 1)
        throw std::runtime_error("SHA-256: OpenSSL could not update the digest");
}

std::string finishDigest(EVP_MD_CTX* context)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(context, digest, &length) != 1)
        throw std::runtime_error("SHA-256: OpenSSL could not finish the digest");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(kHex[digest[i] >> 4]);
        hex.push_back(kHex[digest[i] & 0x0f]);
    }
    return hex;
}

} // namespace

std::string sha256Hex(std::span<const std::uint8_t> bytes)
{
    DigestContext context = startDigest();
    addToDigest(context.get(), bytes.data(), bytes.size());
    return finishDigest(context.get());
}

std::string sha256Hex(std::string_view bytes)
{
    DigestContext context = startDigest();
    addToDigest(context.get(), bytes.data(), bytes.size());
    return finishDigest(context.get());
}

std::string sha256HexOfFile(const std::filesystem::path& file)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw std::runtime_error("cannot open " + file.string() + ": " + std::strerror(errno));
    DigestContext context = startDigest();
    unsigned char buffer[64 * 1024];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got == 0)
            break;
        if (got < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            throw std::runtime_error("cannot read " + file.string() + ": " + std::strerror(error));
        }
        addToDigest(context.get(), buffer, static_cast<std::size_t>(got));
    }
    ::close(fd);
    return finishDigest(context.get());
}

} // namespace cg

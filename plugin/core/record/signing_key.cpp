#include "core/record/signing_key.hpp"

#include "core/record/hex_text.hpp"
#include "core/record/record_files.hpp"
#include "core/record/sha256.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cg {
namespace {

struct PkeyDeleter {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

struct BioDeleter {
    void operator()(BIO* bio) const { BIO_free(bio); }
};
using Bio = std::unique_ptr<BIO, BioDeleter>;

struct MdContextDeleter {
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
using MdContext = std::unique_ptr<EVP_MD_CTX, MdContextDeleter>;

constexpr std::size_t kSignatureSize = 64;

// The newest OpenSSL error in words, and an empty queue for the next call.
std::string openSslReason()
{
    const unsigned long code = ERR_peek_last_error();
    std::string reason = "unknown OpenSSL error";
    if (code != 0) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        reason = text;
    }
    ERR_clear_error();
    return reason;
}

// Never asks for a passphrase: an encrypted key file is reported as unusable instead.
int refusePassphrase(char*, int, int, void*)
{
    return 0;
}

std::string readWholeFile(const std::filesystem::path& file)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw SigningKeyError(describeOsError("cannot read", file, errno));
    std::string content;
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got == 0)
            break;
        if (got < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            throw SigningKeyError(describeOsError("cannot read", file, error));
        }
        content.append(buffer, static_cast<std::size_t>(got));
    }
    ::close(fd);
    return content;
}

PublicKey rawPublicKey(EVP_PKEY* key, const std::filesystem::path& file)
{
    PublicKey publicKey;
    std::size_t length = publicKey.bytes.size();
    if (EVP_PKEY_get_raw_public_key(key, publicKey.bytes.data(), &length) != 1 ||
        length != publicKey.bytes.size())
        throw SigningKeyError("cannot take the public key from " + file.string() + ": " + openSslReason());
    return publicKey;
}

void requireEd25519(EVP_PKEY* key, const std::filesystem::path& file)
{
    if (EVP_PKEY_is_a(key, "ED25519") != 1) {
        const char* type = EVP_PKEY_get0_type_name(key);
        throw SigningKeyError(file.string() + " holds " +
                              (type != nullptr ? std::string(type) : "another kind of") +
                              " key, not an Ed25519 key");
    }
}

std::string pemText(EVP_PKEY* key, bool privatePart)
{
    const Bio bio(BIO_new(BIO_s_mem()));
    const int written = !bio ? 0
                        : privatePart
                            ? PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr)
                            : PEM_write_bio_PUBKEY(bio.get(), key);
    if (written != 1)
        throw SigningKeyError("cannot encode the record signing key as PEM: " + openSslReason());
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

// Writes content to a new temporary file in the folder (0600 until chmod), fsyncs it and returns
// its name; the caller moves it into place.
std::filesystem::path writeTemporary(const std::filesystem::path& finalFile, const std::string& content,
                                     mode_t mode)
{
    std::string pattern =
        (finalFile.parent_path() / ("." + finalFile.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0)
        throw SigningKeyError(describeOsError("cannot write a key file in", finalFile.parent_path(), errno) +
                              " (the key folder is not writable)");
    const std::filesystem::path temporary = pattern;
    int error = 0;
    std::size_t done = 0;
    while (error == 0 && done < content.size()) {
        const ssize_t written = ::write(fd, content.data() + done, content.size() - done);
        if (written < 0 && errno != EINTR)
            error = errno;
        else if (written > 0)
            done += static_cast<std::size_t>(written);
    }
    if (error == 0 && ::fchmod(fd, mode) != 0)
        error = errno;
    if (error == 0 && ::fsync(fd) != 0)
        error = errno;
    if (::close(fd) != 0 && error == 0)
        error = errno;
    if (error != 0) {
        ::unlink(temporary.c_str());
        throw SigningKeyError(describeOsError("cannot write", temporary, error));
    }
    return temporary;
}

// Puts the private key file in place without replacing one that another process created in the
// meantime; false when that happened (the caller then loads that key).
bool placeNewFile(const std::filesystem::path& temporary, const std::filesystem::path& file)
{
    if (::link(temporary.c_str(), file.c_str()) == 0) {
        ::unlink(temporary.c_str());
        return true;
    }
    const int linkError = errno;
    if (linkError == EEXIST) {
        ::unlink(temporary.c_str());
        return false;
    }
    // File systems without hard links: a plain rename (the file was absent a moment ago).
    if (::rename(temporary.c_str(), file.c_str()) == 0)
        return true;
    const int renameError = errno;
    ::unlink(temporary.c_str());
    throw SigningKeyError(describeOsError("cannot create", file, renameError));
}

void replaceFile(const std::filesystem::path& temporary, const std::filesystem::path& file)
{
    if (::rename(temporary.c_str(), file.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        throw SigningKeyError(describeOsError("cannot create", file, error));
    }
}

Pkey generateKey()
{
    Pkey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!key)
        throw SigningKeyError("cannot generate an Ed25519 key: " + openSslReason());
    return key;
}

Pkey publicKeyObject(const PublicKey& publicKey)
{
    return Pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, publicKey.bytes.data(),
                                            publicKey.bytes.size()));
}

} // namespace

std::string PublicKey::hex() const
{
    return toHex(bytes);
}

std::string PublicKey::fingerprint() const
{
    const std::string digest = sha256Hex(std::span<const std::uint8_t>(bytes));
    std::string text = "SHA256:";
    for (std::size_t i = 0; i < 16; i += 4) {
        if (i > 0)
            text += ' ';
        text += digest.substr(i, 4);
    }
    return text;
}

std::optional<PublicKey> PublicKey::fromHex(std::string_view hex)
{
    const auto bytes = cg::fromHex(hex);
    PublicKey key;
    if (!bytes || bytes->size() != key.bytes.size())
        return std::nullopt;
    std::copy(bytes->begin(), bytes->end(), key.bytes.begin());
    return key;
}

PublicKey readPublicKeyFile(const std::filesystem::path& file)
{
    const std::string content = readWholeFile(file);
    const auto first = content.find_first_not_of(" \t\r\n");
    const auto last = content.find_last_not_of(" \t\r\n");
    if (first != std::string::npos) {
        if (const auto key = PublicKey::fromHex(std::string_view(content).substr(first, last - first + 1)))
            return *key;
    }
    const Bio bio(BIO_new_mem_buf(content.data(), static_cast<int>(content.size())));
    const Pkey key(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, refusePassphrase, nullptr) : nullptr);
    if (!key) {
        ERR_clear_error();
        throw SigningKeyError(file.string() +
                              " is not a public key (expected PEM \"BEGIN PUBLIC KEY\" or 64 hex digits)");
    }
    requireEd25519(key.get(), file);
    return rawPublicKey(key.get(), file);
}

struct SigningKey::Impl {
    Pkey key;
    PublicKey publicKey;
    bool createdNow = false;
};

SigningKey::SigningKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SigningKey::SigningKey(SigningKey&&) noexcept = default;
SigningKey& SigningKey::operator=(SigningKey&&) noexcept = default;
SigningKey::~SigningKey() = default;

const PublicKey& SigningKey::publicKey() const
{
    return impl_->publicKey;
}

bool SigningKey::createdNow() const
{
    return impl_->createdNow;
}

SigningKey SigningKey::generate()
{
    auto impl = std::make_unique<Impl>();
    impl->key = generateKey();
    impl->publicKey = rawPublicKey(impl->key.get(), "a new key");
    return SigningKey(std::move(impl));
}

SigningKey SigningKey::loadFromFile(const std::filesystem::path& privateKeyFile)
{
    const std::string content = readWholeFile(privateKeyFile);
    const Bio bio(BIO_new_mem_buf(content.data(), static_cast<int>(content.size())));
    Pkey key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, nullptr) : nullptr);
    if (!key) {
        ERR_clear_error();
        throw SigningKeyError(
            privateKeyFile.string() +
            " is not a usable PEM private key (corrupt, truncated or passphrase-protected)");
    }
    requireEd25519(key.get(), privateKeyFile);
    auto impl = std::make_unique<Impl>();
    impl->publicKey = rawPublicKey(key.get(), privateKeyFile);
    impl->key = std::move(key);
    return SigningKey(std::move(impl));
}

SigningKey SigningKey::loadOrCreate(const std::filesystem::path& folder)
{
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error)
        throw SigningKeyError("cannot create the key folder " + folder.string() + ": " + error.message());
    if (!std::filesystem::is_directory(folder, error))
        throw SigningKeyError("the key folder " + folder.string() + " exists and is not a folder");

    const std::filesystem::path privateFile = folder / kPrivateKeyFileName;
    const std::filesystem::path publicFile = folder / kPublicKeyFileName;
    bool created = false;
    bool wroteFiles = false;
    std::optional<SigningKey> key;
    if (!std::filesystem::exists(std::filesystem::symlink_status(privateFile, error))) {
        SigningKey fresh = generate();
        const std::filesystem::path temporary =
            writeTemporary(privateFile, pemText(fresh.impl_->key.get(), true), 0600);
        created = placeNewFile(temporary, privateFile);
        wroteFiles = created;
        if (created)
            key = std::move(fresh);
    }
    if (!key)
        key = loadFromFile(privateFile);
    key->impl_->createdNow = created;

    if (std::filesystem::exists(publicFile, error)) {
        if (readPublicKeyFile(publicFile) != key->publicKey())
            throw SigningKeyError(publicFile.string() + " does not match the private key in " +
                                  privateFile.string() + " (remove it to have it written again)");
    } else {
        wroteFiles = true;
        replaceFile(writeTemporary(publicFile, pemText(key->impl_->key.get(), false), 0644), publicFile);
    }
    if (wroteFiles) {
        if (const FileError syncError = syncFolder(folder))
            throw SigningKeyError(*syncError);
    }
    return std::move(*key);
}

std::vector<std::uint8_t> SigningKey::sign(std::string_view message) const
{
    const MdContext context(EVP_MD_CTX_new());
    std::vector<std::uint8_t> signature(kSignatureSize);
    std::size_t length = signature.size();
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, impl_->key.get()) != 1 ||
        EVP_DigestSign(context.get(), signature.data(), &length,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1)
        throw SigningKeyError("cannot sign with the record signing key " + fingerprint() + ": " +
                              openSslReason());
    signature.resize(length);
    return signature;
}

bool verifySignature(const PublicKey& publicKey, std::string_view message,
                     std::span<const std::uint8_t> signature)
{
    if (signature.size() != kSignatureSize)
        return false;
    const Pkey key = publicKeyObject(publicKey);
    const MdContext context(EVP_MD_CTX_new());
    const bool valid =
        key && context && EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
        EVP_DigestVerify(context.get(), signature.data(), signature.size(),
                         reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
    ERR_clear_error();
    return valid;
}

} // namespace cg

#include "core/record/hex_text.hpp"
#include "core/record/sha256.hpp"
#include "core/record/signing_key.hpp"
#include "record_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <filesystem>
#include <functional>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cg {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
namespace fs = std::filesystem;

unsigned modeOf(const fs::path& file)
{
    struct stat info{};
    EXPECT_EQ(::stat(file.c_str(), &info), 0) << file;
    return info.st_mode & 07777u;
}

// What body() throws (SigningKeyError's message), run in a child that has given up root, so that
// file permissions apply to it; "" when it throws nothing.
std::string errorAsUnprivilegedUser(const std::function<void()>& body)
{
    int fds[2];
    if (::pipe(fds) != 0)
        throw std::runtime_error("pipe failed");
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(fds[0]);
        std::string message;
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
            message = "cannot drop root";
        else {
            try {
                body();
            } catch (const std::exception& error) {
                message = error.what();
            }
        }
        (void)!::write(fds[1], message.data(), message.size());
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string output;
    char buffer[4096];
    for (ssize_t got; (got = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        output.append(buffer, static_cast<std::size_t>(got));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << output;
    return output;
}

std::string expectKeyError(const std::function<void()>& body)
{
    try {
        body();
    } catch (const SigningKeyError& error) {
        return error.what();
    }
    ADD_FAILURE() << "no SigningKeyError";
    return {};
}

TEST(SigningKey, IsCreatedOnFirstUseAndTheSameKeyIsLoadedAfterwards)
{
    test::TempFolder folder;
    const fs::path keyDir = folder.path() / "config" / "compliance-guard";
    const SigningKey first = SigningKey::loadOrCreate(keyDir);
    EXPECT_TRUE(first.createdNow());
    EXPECT_TRUE(fs::is_regular_file(keyDir / kPrivateKeyFileName));
    EXPECT_TRUE(fs::is_regular_file(keyDir / kPublicKeyFileName));

    const SigningKey second = SigningKey::loadOrCreate(keyDir);
    EXPECT_FALSE(second.createdNow());
    EXPECT_EQ(second.publicKey(), first.publicKey());
    EXPECT_EQ(second.fingerprint(), first.fingerprint());
    EXPECT_EQ(readPublicKeyFile(keyDir / kPublicKeyFileName), first.publicKey());
    // A signature by the reloaded key verifies with the key as first created.
    EXPECT_TRUE(verifySignature(first.publicKey(), "final hash", second.sign("final hash")));
}

TEST(SigningKey, ThePrivateKeyFileIsReadableByItsOwnerOnlyAndNoTemporaryFileIsLeft)
{
    test::TempFolder folder;
    (void)SigningKey::loadOrCreate(folder.path());
    EXPECT_EQ(modeOf(folder.path() / kPrivateKeyFileName), 0600u);
    EXPECT_EQ(modeOf(folder.path() / kPublicKeyFileName), 0644u);
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder.path()))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names,
              (std::vector<std::string>{std::string(kPrivateKeyFileName), std::string(kPublicKeyFileName)}));
    EXPECT_THAT(test::readFile(folder.path() / kPrivateKeyFileName),
                HasSubstr("-----BEGIN PRIVATE KEY-----"));
    EXPECT_THAT(test::readFile(folder.path() / kPublicKeyFileName), HasSubstr("-----BEGIN PUBLIC KEY-----"));
}

TEST(SigningKey, AMissingPublicKeyFileIsWrittenAgainAndAForeignOneIsRefused)
{
    test::TempFolder folder;
    const SigningKey key = SigningKey::loadOrCreate(folder.path());
    fs::remove(folder.path() / kPublicKeyFileName);
    EXPECT_EQ(SigningKey::loadOrCreate(folder.path()).publicKey(), key.publicKey());
    EXPECT_EQ(readPublicKeyFile(folder.path() / kPublicKeyFileName), key.publicKey());

    test::writeFile(folder.path() / kPublicKeyFileName, SigningKey::generate().publicKey().hex() + "\n");
    const std::string message = expectKeyError([&] { (void)SigningKey::loadOrCreate(folder.path()); });
    EXPECT_THAT(message, HasSubstr((folder.path() / kPublicKeyFileName).string()));
    EXPECT_THAT(message, HasSubstr("does not match the private key"));
}

TEST(SigningKey, ACorruptKeyFileIsAnErrorNamingTheFile)
{
    test::TempFolder folder;
    (void)SigningKey::loadOrCreate(folder.path());
    const fs::path privateFile = folder.path() / kPrivateKeyFileName;
    std::string pem = test::readFile(privateFile);
    pem.resize(pem.size() / 2); // cut, as a full disk or a bad copy leaves it
    test::writeFile(privateFile, pem);
    std::string message = expectKeyError([&] { (void)SigningKey::loadOrCreate(folder.path()); });
    EXPECT_THAT(message, HasSubstr(privateFile.string()));
    EXPECT_THAT(message, HasSubstr("not a usable PEM private key"));

    test::writeFile(privateFile, "not a key at all\n");
    message = expectKeyError([&] { (void)SigningKey::loadFromFile(privateFile); });
    EXPECT_THAT(message, HasSubstr(privateFile.string()));

    test::writeFile(folder.path() / "garbage.pub",
                    "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
    message = expectKeyError([&] { (void)readPublicKeyFile(folder.path() / "garbage.pub"); });
    EXPECT_THAT(message, HasSubstr((folder.path() / "garbage.pub").string()));
    EXPECT_THAT(message, HasSubstr("is not a public key"));
}

TEST(SigningKey, AKeyOfAnotherTypeIsRefusedNamingTheFileAndTheType)
{
    test::TempFolder folder;
    EVP_PKEY* ecKey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    ASSERT_NE(ecKey, nullptr);
    BIO* bio = BIO_new(BIO_s_mem());
    ASSERT_EQ(PEM_write_bio_PrivateKey(bio, ecKey, nullptr, nullptr, 0, nullptr, nullptr), 1);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    test::writeFile(folder.path() / kPrivateKeyFileName, std::string(data, static_cast<std::size_t>(size)));
    BIO_free(bio);
    EVP_PKEY_free(ecKey);

    const std::string message = expectKeyError([&] { (void)SigningKey::loadOrCreate(folder.path()); });
    EXPECT_THAT(message, HasSubstr((folder.path() / kPrivateKeyFileName).string()));
    EXPECT_THAT(message, HasSubstr("EC key, not an Ed25519 key"));
}

TEST(SigningKey, AnUnreadableKeyFileIsAnErrorNamingTheFileAndTheReason)
{
    test::TempFolder folder;
    fs::permissions(folder.path(), fs::perms::owner_all | fs::perms::others_exec | fs::perms::group_exec);
    (void)SigningKey::loadOrCreate(folder.path()); // 0600, owned by this user
    if (::geteuid() != 0)
        fs::permissions(folder.path() / kPrivateKeyFileName, fs::perms::none);
    const std::string message =
        errorAsUnprivilegedUser([&] { (void)SigningKey::loadOrCreate(folder.path()); });
    EXPECT_THAT(message, HasSubstr("cannot read " + (folder.path() / kPrivateKeyFileName).string()));
    EXPECT_THAT(message, HasSubstr("Permission denied"));
}

TEST(SigningKey, AFolderThatIsNotWritableIsAnErrorNamingTheFolder)
{
    test::TempFolder folder;
    const fs::path keyDir = folder.path() / "keys";
    fs::create_directories(keyDir);
    fs::permissions(folder.path(), fs::perms::owner_all | fs::perms::others_exec | fs::perms::group_exec);
    fs::permissions(keyDir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::others_read |
                                fs::perms::others_exec);
    const std::string message = errorAsUnprivilegedUser([&] { (void)SigningKey::loadOrCreate(keyDir); });
    EXPECT_THAT(message, HasSubstr(keyDir.string()));
    EXPECT_THAT(message, HasSubstr("not writable"));
    EXPECT_FALSE(fs::exists(keyDir / kPrivateKeyFileName));
}

TEST(SigningKey, TheFingerprintIsTheStartOfTheSha256OfTheRawKeyInGroupsOfFour)
{
    const SigningKey key = SigningKey::generate();
    const std::string fingerprint = key.fingerprint();
    EXPECT_THAT(fingerprint, MatchesRegex("SHA256:[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}"));
    const std::string digest = sha256Hex(std::span<const std::uint8_t>(key.publicKey().bytes));
    EXPECT_EQ(fingerprint, "SHA256:" + digest.substr(0, 4) + " " + digest.substr(4, 4) + " " +
                               digest.substr(8, 4) + " " + digest.substr(12, 4));
    EXPECT_NE(SigningKey::generate().fingerprint(), fingerprint);
}

TEST(SigningKey, SignaturesVerifyOnlyForTheSameMessageAndKey)
{
    const SigningKey key = SigningKey::generate();
    const std::vector<std::uint8_t> signature = key.sign("abc");
    EXPECT_EQ(signature.size(), 64u);
    EXPECT_TRUE(verifySignature(key.publicKey(), "abc", signature));
    EXPECT_FALSE(verifySignature(key.publicKey(), "abd", signature));
    EXPECT_FALSE(verifySignature(SigningKey::generate().publicKey(), "abc", signature));
    std::vector<std::uint8_t> flipped = signature;
    flipped[10] ^= 0x01;
    EXPECT_FALSE(verifySignature(key.publicKey(), "abc", flipped));
    EXPECT_FALSE(verifySignature(key.publicKey(), "abc", std::span(signature).first(63)));
}

TEST(SigningKey, PublicKeysAreReadFromPemOrHex)
{
    test::TempFolder folder;
    const SigningKey key = SigningKey::loadOrCreate(folder.path());
    EXPECT_EQ(PublicKey::fromHex(key.publicKey().hex()), key.publicKey());
    EXPECT_FALSE(PublicKey::fromHex(key.publicKey().hex().substr(2)));
    EXPECT_FALSE(PublicKey::fromHex(std::string(64, 'g')));
    test::writeFile(folder.path() / "key.hex", "  " + key.publicKey().hex() + "\n");
    EXPECT_EQ(readPublicKeyFile(folder.path() / "key.hex"), key.publicKey());
    EXPECT_EQ(readPublicKeyFile(folder.path() / kPublicKeyFileName), key.publicKey());
    const std::string message =
        expectKeyError([&] { (void)readPublicKeyFile(folder.path() / "absent.pem"); });
    EXPECT_THAT(message, HasSubstr("cannot read " + (folder.path() / "absent.pem").string()));
}

} // namespace
} // namespace cg

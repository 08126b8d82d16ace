#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

// The installation's Ed25519 key that signs compliance records (FORMAT.md, "Signature").

inline constexpr std::string_view kSignatureAlgorithm = "ed25519";
// In the key folder: the private key (PKCS#8 PEM, mode 0600) and its public key (SubjectPublicKeyInfo PEM).
inline constexpr std::string_view kPrivateKeyFileName = "record-signing-key.pem";
inline constexpr std::string_view kPublicKeyFileName = "record-signing-key.pub.pem";

// A key file or folder that cannot be read, created or used; what() names the file and the reason.
class SigningKeyError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A raw 32-byte Ed25519 public key.
struct PublicKey {
    std::array<std::uint8_t, 32> bytes{};

    // 64 lowercase hex digits, as the record stores it.
    [[nodiscard]] std::string hex() const;
    // "SHA256:" and the first 8 bytes of SHA-256(raw key) as 16 hex digits in groups of four,
    // e.g. "SHA256:3f9a 07c2 51de 88b0". For people to tell keys apart; checks use the whole key.
    [[nodiscard]] std::string fingerprint() const;
    // 64 hex digits (either case); nullopt for anything else.
    static std::optional<PublicKey> fromHex(std::string_view hex);
    bool operator==(const PublicKey&) const = default;
};

// Reads a public key file: PEM ("BEGIN PUBLIC KEY", Ed25519) or a text file holding the 64 hex
// digits. Throws SigningKeyError naming the file: unreadable, not a key, or not an Ed25519 key.
PublicKey readPublicKeyFile(const std::filesystem::path& file);

class SigningKey {
  public:
    // The installation's key in folder (created with the folder when missing): loads
    // record-signing-key.pem, or on first use generates a key and writes it (0600, through a
    // temporary file renamed into place) and record-signing-key.pub.pem beside it. A missing public
    // key file is written again; one that does not match the private key is an error. Throws
    // SigningKeyError naming the file and the reason (unreadable, corrupt, not Ed25519, folder not
    // writable).
    static SigningKey loadOrCreate(const std::filesystem::path& folder);
    // Loads a private key file (PEM, Ed25519) without creating anything.
    static SigningKey loadFromFile(const std::filesystem::path& privateKeyFile);
    // A fresh key that lives only in memory.
    static SigningKey generate();

    SigningKey(SigningKey&&) noexcept;
    SigningKey& operator=(SigningKey&&) noexcept;
    ~SigningKey();

    [[nodiscard]] const PublicKey& publicKey() const;
    [[nodiscard]] std::string fingerprint() const { return publicKey().fingerprint(); }
    // True when loadOrCreate() generated this key just now.
    [[nodiscard]] bool createdNow() const;
    // The 64-byte Ed25519 signature of message. Safe to call from several threads.
    [[nodiscard]] std::vector<std::uint8_t> sign(std::string_view message) const;

  private:
    struct Impl;
    explicit SigningKey(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// True when signature is publicKey's valid Ed25519 signature of message.
[[nodiscard]] bool verifySignature(const PublicKey& publicKey, std::string_view message,
                                   std::span<const std::uint8_t> signature);

} // namespace cg

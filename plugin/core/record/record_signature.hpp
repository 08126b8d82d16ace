#pragma once

#include "core/record/signing_key.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace cg {

// How a record names its key and signs its end (FORMAT.md, "Signature"), shared by RecordWriter
// and verifyRecord.

// session_start payload members naming the key: public_key (64 hex), key_fingerprint,
// signature_algorithm ("ed25519").
void nameKeyInSessionStart(nlohmann::json& payload, const SigningKey* key);

// The closing line's "signature" member: {"algorithm", "public_key", "value"} where value is the
// hex Ed25519 signature of the line's hash (its 64 ASCII hex digits).
nlohmann::json closingSignature(const SigningKey& key, std::string_view finalHash);

// The key a session_start payload names: nullopt when it names none, or the reason it is malformed.
struct NamedKey {
    std::optional<PublicKey> key;
    std::optional<std::string> problem;
};
NamedKey keyNamedBy(const nlohmann::json& sessionStartPayload);

// The closing line's signature checked against the key the record names.
struct ClosingSignatureCheck {
    enum class Result {
        Unsigned, // no key named and no signature
        Valid,    // signed by the named key
        OtherKey, // a valid signature, but by another key than the named one (signer below)
        Broken,   // missing, malformed or not verifying: tampering (problem says which)
    };
    Result result = Result::Broken;
    std::optional<PublicKey> signer;
    std::string problem;
};
ClosingSignatureCheck checkClosingSignature(const nlohmann::json& closingLine,
                                            const std::optional<PublicKey>& namedKey);

} // namespace cg

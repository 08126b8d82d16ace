#include "core/record/record_signature.hpp"

#include "core/record/hex_text.hpp"

namespace cg {
namespace {

constexpr const char* kPublicKeyMember = "public_key";
constexpr const char* kFingerprintMember = "key_fingerprint";
constexpr const char* kAlgorithmMember = "signature_algorithm";

bool isString(const nlohmann::json& object, const char* member)
{
    return object.contains(member) && object[member].is_string();
}

} // namespace

void nameKeyInSessionStart(nlohmann::json& payload, const SigningKey* key)
{
    if (key == nullptr) {
        // A caller's members of these names would make an unsigned record look signed.
        payload.erase(kPublicKeyMember);
        payload.erase(kFingerprintMember);
        payload.erase(kAlgorithmMember);
        return;
    }
    payload[kPublicKeyMember] = key->publicKey().hex();
    payload[kFingerprintMember] = key->fingerprint();
    payload[kAlgorithmMember] = kSignatureAlgorithm;
}

nlohmann::json closingSignature(const SigningKey& key, std::string_view finalHash)
{
    return {{"algorithm", kSignatureAlgorithm},
            {"public_key", key.publicKey().hex()},
            {"value", toHex(key.sign(finalHash))}};
}

NamedKey keyNamedBy(const nlohmann::json& payload)
{
    NamedKey named;
    const bool anyMember = payload.contains(kPublicKeyMember) || payload.contains(kFingerprintMember) ||
                           payload.contains(kAlgorithmMember);
    if (!anyMember)
        return named;
    if (!isString(payload, kPublicKeyMember) || !isString(payload, kFingerprintMember) ||
        !isString(payload, kAlgorithmMember)) {
        named.problem =
            "session_start names a key without public_key, key_fingerprint and signature_algorithm";
        return named;
    }
    if (payload[kAlgorithmMember].get<std::string>() != kSignatureAlgorithm) {
        named.problem = "session_start names the unknown signature algorithm \"" +
                        payload[kAlgorithmMember].get<std::string>() + "\"";
        return named;
    }
    const auto key = PublicKey::fromHex(payload[kPublicKeyMember].get<std::string>());
    if (!key) {
        named.problem = "session_start's public_key is not 64 hex digits";
        return named;
    }
    if (payload[kFingerprintMember].get<std::string>() != key->fingerprint()) {
        named.problem = "session_start's key_fingerprint does not belong to its public_key";
        return named;
    }
    named.key = key;
    return named;
}

ClosingSignatureCheck checkClosingSignature(const nlohmann::json& line,
                                            const std::optional<PublicKey>& namedKey)
{
    ClosingSignatureCheck check;
    using Result = ClosingSignatureCheck::Result;
    if (!line.contains("signature")) {
        if (namedKey) {
            check.problem = "the signature is missing from session_end although session_start names key " +
                            namedKey->fingerprint() + " (removed)";
            return check;
        }
        check.result = Result::Unsigned;
        return check;
    }
    if (!namedKey) {
        check.problem = "session_end carries a signature but session_start names no key";
        return check;
    }
    const auto& signature = line["signature"];
    const bool wellFormed = signature.is_object() && isString(signature, "algorithm") &&
                            signature["algorithm"].get<std::string>() == kSignatureAlgorithm &&
                            isString(signature, "public_key") && isString(signature, "value");
    const auto signer =
        wellFormed ? PublicKey::fromHex(signature["public_key"].get<std::string>()) : std::nullopt;
    const auto value = wellFormed ? fromHex(signature["value"].get<std::string>()) : std::nullopt;
    if (!signer || !value || value->size() != 64) {
        check.problem = "the signature on session_end is malformed (needs algorithm \"ed25519\", a 64-hex "
                        "public_key and a 128-hex value)";
        return check;
    }
    const std::string hash = line["hash"].get<std::string>();
    if (!verifySignature(*signer, hash, *value)) {
        check.problem = *signer == *namedKey
                            ? "the signature on session_end does not verify with the record's key " +
                                  namedKey->fingerprint() + " (edited)"
                            : "the signature on session_end does not verify (edited)";
        return check;
    }
    check.signer = signer;
    check.result = *signer == *namedKey ? Result::Valid : Result::OtherKey;
    return check;
}

} // namespace cg

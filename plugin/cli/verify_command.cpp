#include "cli/verify_command.hpp"

#include "cli/exit_codes.hpp"

#include "core/record/record_verifier.hpp"
#include "core/record/signing_key.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>

namespace cg::cli {
namespace {

constexpr const char* kUsage =
    "usage: compliance-guard verify DIR [--public-key FILE|HEX] [--json]\n"
    "  Checks the compliance record in DIR (session.jsonl and evidence/): that it is complete, intact\n"
    "  and signed. --public-key: the key it must be signed by (a PEM public key file, a file holding\n"
    "  the key's 64 hex digits, or the 64 hex digits).\n"
    "  Exit codes: 0 complete, intact and signed; 6 complete and intact but unsigned; 7 wrong key;\n"
    "  4 intact but incomplete (not closed, so not signed); 5 tampered; 3 missing or unreadable\n"
    "  record or key; 2 usage error.\n";

int exitCodeFor(const VerifyReport& report)
{
    switch (report.status) {
    case RecordStatus::Tampered:
        return exit_code::tampered;
    case RecordStatus::Unreadable:
        return exit_code::inputError;
    case RecordStatus::Complete:
    case RecordStatus::Incomplete:
        break;
    }
    if (report.signature == SignatureStatus::WrongKey)
        return exit_code::wrongKey;
    if (report.status == RecordStatus::Incomplete)
        return exit_code::incomplete;
    return report.signature == SignatureStatus::Signed ? exit_code::ok : exit_code::unsignedRecord;
}

std::string linesText(std::size_t count)
{
    return std::to_string(count) + (count == 1 ? " line" : " lines");
}

// Which key this is, for people: the expected one, this installation's, or neither.
std::string keyText(const PublicKey& key, const std::optional<PublicKey>& expected,
                    const std::optional<PublicKey>& installation)
{
    std::string text = "key " + key.fingerprint();
    if (expected && key == *expected)
        text += " (the expected key)";
    else if (installation)
        text += key == *installation ? " (this installation's key)" : " (not this installation's key)";
    return text;
}

std::string verdict(const VerifyReport& report, const std::optional<PublicKey>& expected,
                    const std::optional<PublicKey>& installation)
{
    const std::string summary = linesText(report.linesChecked) + ", final hash " + report.finalHash;
    switch (report.status) {
    case RecordStatus::Tampered:
        return "TAMPERED at seq " + std::to_string(report.firstBadSeq.value_or(0)) + ": " + report.message +
               " (" + linesText(report.linesChecked) + " before it verify)";
    case RecordStatus::Unreadable:
        return "cannot verify: " + report.message;
    case RecordStatus::Complete:
    case RecordStatus::Incomplete:
        break;
    }
    if (report.signature == SignatureStatus::WrongKey)
        return "WRONG KEY: " + report.message + "; " +
               (report.status == RecordStatus::Complete
                    ? "the chain is complete and intact: " + summary
                    : linesText(report.linesChecked) + (report.linesChecked == 1 ? " verifies" : " verify"));
    if (report.status == RecordStatus::Incomplete) {
        std::string text = "intact but incomplete: " + report.message + "; " +
                           linesText(report.linesChecked) +
                           (report.linesChecked == 1 ? " verifies" : " verify");
        if (report.recordKey)
            return text + "; not signed because the session did not close; the record names " +
                   keyText(*report.recordKey, expected, installation);
        return text + "; not signed (the record names no key)";
    }
    if (report.signature == SignatureStatus::Signed && report.recordKey)
        return "complete, intact, signed by " + keyText(*report.recordKey, expected, installation) + ": " +
               summary;
    return "complete and intact but NOT SIGNED (the record names no key; it was written without one): " +
           summary;
}

nlohmann::json keyJson(const std::optional<PublicKey>& key)
{
    if (!key)
        return nullptr;
    return {{"public_key", key->hex()}, {"fingerprint", key->fingerprint()}};
}

nlohmann::json toJson(const VerifyReport& report, const std::string& folder,
                      const std::optional<PublicKey>& expected, const std::optional<PublicKey>& installation)
{
    return {{"folder", folder},
            {"status", std::string(toString(report.status))},
            {"signature", std::string(toString(report.signature))},
            {"exit_code", exitCodeFor(report)},
            {"verdict", verdict(report, expected, installation)},
            {"message", report.message},
            {"lines_verified", report.linesChecked},
            {"first_bad_seq", report.firstBadSeq ? nlohmann::json(*report.firstBadSeq) : nlohmann::json()},
            {"torn_last_line", report.tornLastLine},
            {"closing_line", report.closingLinePresent},
            {"final_hash", report.finalHash},
            {"evidence_files_verified", report.evidenceFilesChecked},
            {"record_key", keyJson(report.recordKey)},
            {"signed_by", keyJson(report.signerKey)},
            {"expected_key", keyJson(expected)},
            {"installation_key", keyJson(installation)}};
}

// --public-key: 64 hex digits, or a file holding the key. Throws SigningKeyError naming the file.
PublicKey expectedKeyFrom(const std::string& text)
{
    std::error_code error;
    if (!std::filesystem::exists(text, error)) {
        if (const auto key = PublicKey::fromHex(text))
            return *key;
    }
    return readPublicKeyFile(text);
}

std::optional<PublicKey> installationKeyIn(const std::filesystem::path& keyDir)
{
    if (keyDir.empty())
        return std::nullopt;
    try {
        return readPublicKeyFile(keyDir / kPublicKeyFileName);
    } catch (const SigningKeyError&) {
        return std::nullopt; // no key on this machine, or one we cannot read: the verdict just does not say
    }
}

} // namespace

int runVerifyCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                     const std::filesystem::path& installationKeyDir)
{
    bool json = false;
    std::optional<std::string> folder;
    std::optional<std::string> publicKeyArgument;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            out << kUsage;
            return exit_code::ok;
        }
        if (arg == "--json") {
            json = true;
        } else if (arg == "--public-key" || arg.starts_with("--public-key=")) {
            if (arg == "--public-key" && i + 1 == args.size()) {
                err << "verify: --public-key needs a key file or 64 hex digits\n" << kUsage;
                return exit_code::usage;
            }
            publicKeyArgument =
                arg == "--public-key" ? args[++i] : arg.substr(std::string("--public-key=").size());
        } else if (arg.starts_with("-") && arg != "-") {
            err << "verify: unknown option " << arg << "\n" << kUsage;
            return exit_code::usage;
        } else if (folder) {
            err << "verify: one record folder at a time (got " << *folder << " and " << arg << ")\n"
                << kUsage;
            return exit_code::usage;
        } else {
            folder = arg;
        }
    }
    if (!folder) {
        err << "verify: which record folder?\n" << kUsage;
        return exit_code::usage;
    }

    VerifyOptions options;
    if (publicKeyArgument) {
        try {
            options.expectedKey = expectedKeyFrom(*publicKeyArgument);
        } catch (const SigningKeyError& error) {
            err << "verify: cannot use --public-key: " << error.what() << '\n';
            return exit_code::inputError;
        }
    }
    const std::optional<PublicKey> installation = installationKeyIn(installationKeyDir);
    const VerifyReport report = verifyRecord(*folder, options);
    const int code = exitCodeFor(report);
    if (json)
        out << toJson(report, *folder, options.expectedKey, installation).dump(2) << '\n';
    else if (report.status == RecordStatus::Unreadable)
        err << "verify: " << verdict(report, options.expectedKey, installation) << '\n';
    else
        out << verdict(report, options.expectedKey, installation) << '\n';
    return code;
}

} // namespace cg::cli

#include "core/record/record_line.hpp"
#include "signed_record_fixture.hpp"

#include <gtest/gtest.h>

namespace cg {
namespace {

using test::SignedRecord;

TEST_F(SignedRecord, TheStartNamesTheKeyAndTheEndCarriesASignatureOfTheFinalHash)
{
    const auto start = line(0)["payload"];
    EXPECT_EQ(start["kind"], "stream");
    EXPECT_EQ(start["public_key"], key->publicKey().hex());
    EXPECT_EQ(start["key_fingerprint"], key->fingerprint());
    EXPECT_EQ(start["signature_algorithm"], "ed25519");

    const auto end = line(11);
    EXPECT_EQ(end["type"], "session_end");
    EXPECT_EQ(end["signature"]["algorithm"], "ed25519");
    EXPECT_EQ(end["signature"]["public_key"], key->publicKey().hex());
    const auto value = fromHex(end["signature"]["value"].get<std::string>());
    ASSERT_TRUE(value);
    EXPECT_TRUE(verifySignature(key->publicKey(), end["hash"].get<std::string>(), *value));
    // The signature is outside the hashed text, like the hash itself.
    EXPECT_EQ(canonicalRecordLine(end).find("signature"), std::string::npos);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        EXPECT_FALSE(line(i).contains("signature")) << i;
}

TEST_F(SignedRecord, ASignedRecordVerifiesAsCompleteIntactAndSigned)
{
    const VerifyReport report = verifyRecord(dir());
    EXPECT_EQ(report.status, RecordStatus::Complete) << report.message;
    EXPECT_EQ(report.signature, SignatureStatus::Signed);
    EXPECT_EQ(report.recordKey, key->publicKey());
    EXPECT_EQ(report.signerKey, key->publicKey());
    EXPECT_EQ(report.linesChecked, 12u);
    EXPECT_EQ(report.evidenceFilesChecked, 3u);
    EXPECT_EQ(report.finalHash, line(11)["hash"].get<std::string>());

    VerifyOptions expected;
    expected.expectedKey = key->publicKey();
    EXPECT_EQ(verifyRecord(dir(), expected).signature, SignatureStatus::Signed);
}

TEST_F(SignedRecord, EveryKindOfEditToTheLinesIsTampering)
{
    auto edited = lines;
    auto changed = line(7);
    changed["payload"]["n"] = 70;
    edited[7] = changed.dump();
    expectTampered(verifyWith(edited), 7, "hash does not match");

    auto deleted = lines;
    deleted.erase(deleted.begin() + 4);
    expectTampered(verifyWith(deleted), 4, "expected seq 4 but found 5");

    auto inserted = lines;
    inserted.insert(inserted.begin() + 4, lines[3]);
    expectTampered(verifyWith(inserted), 4, "expected seq 4 but found 3");

    auto reordered = lines;
    std::swap(reordered[5], reordered[6]);
    expectTampered(verifyWith(reordered), 5, "expected seq 5 but found 6");

    auto cut = lines;
    cut[6].resize(cut[6].size() / 2);
    expectTampered(verifyWith(cut), 6, "not valid JSON");

    // An edited closing line whose hash is recomputed keeps the chain but not the signature.
    auto closing = lines;
    auto end = line(11);
    end["payload"]["reason"] = "nothing happened";
    end["hash"] = recordLineHash(end["prev"].get<std::string>(), end);
    closing[11] = end.dump();
    expectTampered(verifyWith(closing), 11, "does not verify with the record's key");
}

TEST_F(SignedRecord, EveryKindOfEditToTheEvidenceIsTampering)
{
    const std::string original = test::readFile(evidenceOf(5));
    std::string bytes = original;
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
    test::writeFile(evidenceOf(5), bytes);
    expectTampered(verifyRecord(dir()), 5, "does not match its hash");
    test::writeFile(evidenceOf(5), original);

    const std::string first = test::readFile(evidenceOf(2));
    test::writeFile(evidenceOf(2), test::readFile(evidenceOf(8)));
    test::writeFile(evidenceOf(8), first);
    expectTampered(verifyRecord(dir()), 2, "does not match its hash");
    test::writeFile(evidenceOf(8), test::readFile(evidenceOf(2)));
    test::writeFile(evidenceOf(2), first);
    ASSERT_EQ(verifyRecord(dir()).signature, SignatureStatus::Signed);

    std::filesystem::remove(evidenceOf(8));
    expectTampered(verifyRecord(dir()), 8, "missing");
}

TEST_F(SignedRecord, LinesAppendedAfterTheSignedEndAreTampering)
{
    auto appended = lines;
    auto extra = line(10);
    extra["seq"] = 12;
    appended.push_back(extra.dump());
    test::rechainFrom(appended, 12);
    expectTampered(verifyWith(appended), 12, "follows session_end");
}

TEST_F(SignedRecord, AnEditedSignatureIsTampering)
{
    auto changed = lines;
    auto end = line(11);
    std::string value = end["signature"]["value"].get<std::string>();
    value[20] = value[20] == '0' ? '1' : '0';
    end["signature"]["value"] = value;
    changed[11] = end.dump();
    expectTampered(verifyWith(changed), 11,
                   "the signature on session_end does not verify with the record's key");

    end["signature"]["value"] = value.substr(0, 100);
    changed[11] = end.dump();
    expectTampered(verifyWith(changed), 11, "malformed");

    end["signature"] = "signed, trust me";
    changed[11] = end.dump();
    expectTampered(verifyWith(changed), 11, "malformed");
}

TEST_F(SignedRecord, ARemovedSignatureIsTampering)
{
    auto changed = lines;
    auto end = line(11);
    end.erase("signature");
    changed[11] = end.dump();
    expectTampered(verifyWith(changed), 11, "the signature is missing from session_end");
}

TEST_F(SignedRecord, ASignatureOnAnotherLineIsTampering)
{
    auto changed = lines;
    auto heartbeat = line(4);
    heartbeat["signature"] = line(11)["signature"];
    changed[4] = heartbeat.dump();
    expectTampered(verifyWith(changed), 4, "a signature on a line other than session_end");
}

TEST_F(SignedRecord, AReplacedPublicKeyBreaksTheChain)
{
    const SigningKey other = SigningKey::generate();
    auto changed = lines;
    auto start = line(0);
    start["payload"]["public_key"] = other.publicKey().hex();
    start["payload"]["key_fingerprint"] = other.fingerprint();
    changed[0] = start.dump();
    expectTampered(verifyWith(changed), 0, "hash does not match");

    // With every hash recomputed, the old signature no longer fits the new final hash.
    test::rechainFrom(changed, 0);
    expectTampered(verifyWith(changed), 11, "does not verify");

    // A key that does not match its fingerprint is caught even when the chain is recomputed.
    auto mismatched = lines;
    start = line(0);
    start["payload"]["public_key"] = other.publicKey().hex();
    mismatched[0] = start.dump();
    test::rechainFrom(mismatched, 0);
    expectTampered(verifyWith(mismatched), 0, "key_fingerprint does not belong to its public_key");
}

TEST_F(SignedRecord, ASignatureByAnotherKeyThanTheRecordNamesIsTheWrongKey)
{
    const SigningKey other = SigningKey::generate();
    auto changed = lines;
    resignLastLine(changed, other);
    const VerifyReport report = verifyWith(changed);
    EXPECT_EQ(report.status, RecordStatus::Complete) << report.message;
    EXPECT_EQ(report.signature, SignatureStatus::WrongKey);
    EXPECT_EQ(report.signerKey, other.publicKey());
    EXPECT_EQ(report.recordKey, key->publicKey());
    EXPECT_EQ(report.message, "session_end is signed by key " + other.fingerprint() +
                                  ", but the record names key " + key->fingerprint());
}

TEST_F(SignedRecord, ARecordForgedConsistentlyWithAnotherKeyIsCaughtOnlyByTheExpectedKey)
{
    const SigningKey other = SigningKey::generate();
    auto changed = lines;
    forgeWholeRecordWith(changed, other);

    // The forged record is self-consistent: it verifies, signed by the forger's key ...
    VerifyReport report = verifyWith(changed);
    EXPECT_EQ(report.status, RecordStatus::Complete) << report.message;
    EXPECT_EQ(report.signature, SignatureStatus::Signed);
    EXPECT_EQ(report.recordKey, other.publicKey());

    // ... which is not the key it had to be signed by.
    VerifyOptions expected;
    expected.expectedKey = key->publicKey();
    report = verifyRecord(dir(), expected);
    EXPECT_EQ(report.status, RecordStatus::Complete) << report.message;
    EXPECT_EQ(report.signature, SignatureStatus::WrongKey);
    EXPECT_EQ(report.message,
              "the record names key " + other.fingerprint() + ", not the expected key " + key->fingerprint());
}

TEST_F(SignedRecord, AMissingClosingLineIsIncompleteAndNotSigned)
{
    auto crashed = lines;
    crashed.resize(9);
    VerifyReport report = verifyWith(crashed);
    EXPECT_EQ(report.status, RecordStatus::Incomplete) << report.message;
    EXPECT_EQ(report.signature, SignatureStatus::NotClosed);
    EXPECT_EQ(report.recordKey, key->publicKey());
    EXPECT_FALSE(report.signerKey);
    EXPECT_EQ(report.linesChecked, 9u);

    // A torn last line, as a crash leaves it, changes nothing.
    test::writeFile(dir() / kRecordFileName,
                    test::readFile(dir() / kRecordFileName) + lines[9].substr(0, 30));
    report = verifyRecord(dir());
    EXPECT_EQ(report.status, RecordStatus::Incomplete) << report.message;
    EXPECT_EQ(report.signature, SignatureStatus::NotClosed);
    EXPECT_TRUE(report.tornLastLine);

    // Incomplete and naming another key than expected: the wrong key is said first.
    VerifyOptions expected;
    expected.expectedKey = SigningKey::generate().publicKey();
    report = verifyRecord(dir(), expected);
    EXPECT_EQ(report.status, RecordStatus::Incomplete);
    EXPECT_EQ(report.signature, SignatureStatus::WrongKey);
    EXPECT_NE(report.message.find("no closing line"), std::string::npos) << report.message;
}

TEST(UnsignedRecord, ARecordWrittenWithoutAKeyIsCompleteButUnsigned)
{
    test::TempFolder folder;
    ManualClock clock(1'795'611'731'000);
    {
        RecordWriter writer(folder.path() / "s", clock);
        // A caller's payload cannot make an unsigned record look signed.
        writer.append("session_start", {{"public_key", std::string(64, 'a')}, {"kind", "rehearsal"}});
        writer.append("heartbeat", {});
    }
    const auto start = nlohmann::json::parse(test::readRecordLines(folder.path() / "s")[0]);
    EXPECT_FALSE(start["payload"].contains("public_key"));
    VerifyReport report = verifyRecord(folder.path() / "s");
    EXPECT_EQ(report.status, RecordStatus::Complete) << report.message;
    EXPECT_EQ(report.signature, SignatureStatus::Unsigned);
    EXPECT_FALSE(report.recordKey);

    // A signature added to an unsigned record does not make it signed.
    auto lines = test::readRecordLines(folder.path() / "s");
    auto end = nlohmann::json::parse(lines.back());
    const SigningKey other = SigningKey::generate();
    end["signature"] = {{"algorithm", "ed25519"},
                        {"public_key", other.publicKey().hex()},
                        {"value", toHex(other.sign(end["hash"].get<std::string>()))}};
    lines.back() = end.dump();
    test::writeRecordLines(folder.path() / "s", lines);
    report = verifyRecord(folder.path() / "s");
    EXPECT_EQ(report.status, RecordStatus::Tampered);
    EXPECT_EQ(report.firstBadSeq, 2);
    EXPECT_NE(report.message.find("names no key"), std::string::npos) << report.message;
}

TEST_F(SignedRecord, StrippingTheKeyAndSignatureLeavesARecordThatSaysItIsUnsigned)
{
    auto stripped = lines;
    auto start = line(0);
    start["payload"].erase("public_key");
    start["payload"].erase("key_fingerprint");
    start["payload"].erase("signature_algorithm");
    stripped[0] = start.dump();
    auto end = line(11);
    end.erase("signature");
    stripped[11] = end.dump();
    test::rechainFrom(stripped, 0);
    VerifyOptions expected;
    expected.expectedKey = key->publicKey();
    const VerifyReport report = verifyWith(stripped, expected);
    EXPECT_EQ(report.status, RecordStatus::Complete) << report.message;
    EXPECT_EQ(report.signature, SignatureStatus::Unsigned);
}

} // namespace
} // namespace cg

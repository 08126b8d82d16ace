#pragma once

#include "core/clock.hpp"
#include "core/record/hex_text.hpp"
#include "core/record/record_verifier.hpp"
#include "core/record/record_writer.hpp"
#include "core/record/signing_key.hpp"
#include "record_test_support.hpp"

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include <memory>

namespace cg::test {

// A complete record of 12 lines (seq 0..11) signed by this installation's key (kept in keyDir());
// lines 2, 5 and 8 carry evidence pictures.
class SignedRecord : public ::testing::Test {
  protected:
    void SetUp() override
    {
        key = std::make_shared<SigningKey>(SigningKey::loadOrCreate(keyDir()));
        ManualClock clock(1'795'611'731'000);
        RecordWriterOptions options;
        options.signingKey = key;
        RecordWriter writer(dir(), clock, {}, options);
        writer.append("session_start", {{"kind", "stream"}});
        for (int i = 1; i <= 10; ++i) {
            clock.advance(Millis{1000});
            if (i % 3 == 2) {
                cv::Mat picture(48, 64, CV_8UC3, cv::Scalar(10 * i, 255 - 20 * i, 128));
                writer.append("finding_opened", {{"rule", "qr_code_on_air"}, {"n", i}}, picture, "qr code");
            } else {
                writer.append("heartbeat", {{"n", i}});
            }
        }
        writer.close({{"reason", "stream stopped"}});
        lines = readRecordLines(dir());
        ASSERT_EQ(lines.size(), 12u);
    }

    [[nodiscard]] std::filesystem::path dir() const { return folder.path() / "session"; }
    [[nodiscard]] std::filesystem::path keyDir() const { return folder.path() / "config"; }
    [[nodiscard]] std::filesystem::path evidenceOf(std::size_t index) const
    {
        return dir() / nlohmann::json::parse(lines[index])["evidence"]["file"].get<std::string>();
    }
    [[nodiscard]] nlohmann::json line(std::size_t index) const { return nlohmann::json::parse(lines[index]); }

    // Rewrites session.jsonl with these lines and verifies it.
    VerifyReport verifyWith(const std::vector<std::string>& changed, const VerifyOptions& options = {}) const
    {
        writeRecordLines(dir(), changed);
        return verifyRecord(dir(), options);
    }

    static void expectTampered(const VerifyReport& report, std::int64_t seq, const std::string& words)
    {
        EXPECT_EQ(report.status, RecordStatus::Tampered) << report.message;
        EXPECT_EQ(report.signature, SignatureStatus::NotChecked);
        EXPECT_EQ(report.firstBadSeq, seq) << report.message;
        EXPECT_EQ(report.linesChecked, static_cast<std::size_t>(seq));
        EXPECT_NE(report.message.find(words), std::string::npos) << report.message;
    }

    // What a forger holding another key can do: name that key in session_start, recompute every
    // hash and sign the new final hash. The chain and the signature then verify; only the key differs.
    static void forgeWholeRecordWith(std::vector<std::string>& changed, const SigningKey& other)
    {
        auto start = nlohmann::json::parse(changed[0]);
        start["payload"]["public_key"] = other.publicKey().hex();
        start["payload"]["key_fingerprint"] = other.fingerprint();
        changed[0] = start.dump();
        rechainFrom(changed, 0);
        resignLastLine(changed, other);
    }

    // Replaces the closing line's signature by one of its hash made with another key.
    static void resignLastLine(std::vector<std::string>& changed, const SigningKey& other)
    {
        auto end = nlohmann::json::parse(changed.back());
        end["signature"] = {{"algorithm", "ed25519"},
                            {"public_key", other.publicKey().hex()},
                            {"value", toHex(other.sign(end["hash"].get<std::string>()))}};
        changed.back() = end.dump();
    }

    TempFolder folder;
    std::shared_ptr<const SigningKey> key;
    std::vector<std::string> lines;
};

} // namespace cg::test

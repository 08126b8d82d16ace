#include "cli/verify_command.hpp"
#include "core/record/record_line.hpp"
#include "signed_record_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <sys/wait.h>

namespace cg {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

struct CliRun {
    int code = -1;
    std::string out;
    std::string err;
};

// The real `compliance-guard verify` executable, with CG_KEY_DIR pointing at keyDir.
CliRun runBinary(const std::filesystem::path& keyDir, const std::vector<std::string>& args,
                 const std::filesystem::path& errFile)
{
    std::string command = "CG_KEY_DIR='" + keyDir.string() + "' exec '" CG_CLI_EXECUTABLE "' verify";
    for (const std::string& arg : args)
        command += " '" + arg + "'";
    command += " 2>'" + errFile.string() + "'";
    CliRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr)
        return run;
    char buffer[4096];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        run.out.append(buffer, got);
    const int status = ::pclose(pipe);
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = test::readFile(errFile);
    return run;
}

class SignedRecordCli : public test::SignedRecord {
  protected:
    // The command as the CLI runs it, in this process, then the same through the executable; both
    // must agree.
    CliRun verify(std::vector<std::string> args) const
    {
        std::ostringstream out;
        std::ostringstream err;
        CliRun inProcess;
        inProcess.code = cli::runVerifyCommand(args, out, err, keyDir());
        inProcess.out = out.str();
        inProcess.err = err.str();
        const CliRun binary = runBinary(keyDir(), args, folder.path() / "stderr.txt");
        EXPECT_EQ(binary.code, inProcess.code) << binary.out << binary.err;
        EXPECT_EQ(binary.out, inProcess.out);
        EXPECT_EQ(binary.err, inProcess.err);
        return binary;
    }
    [[nodiscard]] std::string finalHash() const { return line(11)["hash"].get<std::string>(); }
    [[nodiscard]] std::string publicKeyFile() const { return (keyDir() / kPublicKeyFileName).string(); }
};

TEST_F(SignedRecordCli, ASignedRecordExitsZeroNamingThisInstallationsKey)
{
    CliRun run = verify({dir().string()});
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out, "complete, intact, signed by key " + key->fingerprint() +
                           " (this installation's key): 12 lines, final hash " + finalHash() + "\n");

    run = verify({dir().string(), "--public-key", publicKeyFile()});
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_THAT(run.out,
                StartsWith("complete, intact, signed by key " + key->fingerprint() + " (the expected key)"));
    EXPECT_EQ(verify({"--public-key=" + key->publicKey().hex(), dir().string()}).code, 0);
}

TEST_F(SignedRecordCli, ARecordSignedElsewhereSaysSo)
{
    std::filesystem::remove_all(keyDir());
    (void)SigningKey::loadOrCreate(keyDir()); // this installation now has another key
    const CliRun run = verify({dir().string()});
    EXPECT_EQ(run.code, 0);
    EXPECT_THAT(run.out, HasSubstr("signed by key " + key->fingerprint() + " (not this installation's key)"));
}

TEST_F(SignedRecordCli, TamperingExitsFiveNamingTheSeqAndTheReason)
{
    auto changed = lines;
    auto heartbeat = line(7);
    heartbeat["payload"]["n"] = 99;
    changed[7] = heartbeat.dump();
    test::writeRecordLines(dir(), changed);
    CliRun run = verify({dir().string()});
    EXPECT_EQ(run.code, 5);
    EXPECT_EQ(run.out, "TAMPERED at seq 7: hash does not match (7 lines before it verify)\n");

    changed = lines;
    auto end = line(11);
    end.erase("signature");
    changed[11] = end.dump();
    test::writeRecordLines(dir(), changed);
    run = verify({dir().string(), "--public-key", publicKeyFile()});
    EXPECT_EQ(run.code, 5);
    EXPECT_THAT(run.out, StartsWith("TAMPERED at seq 11: the signature is missing from session_end"));

    test::writeRecordLines(dir(), lines);
    std::filesystem::remove(evidenceOf(5));
    run = verify({dir().string()});
    EXPECT_EQ(run.code, 5);
    EXPECT_THAT(run.out,
                StartsWith("TAMPERED at seq 5: evidence file evidence/000005-qr_code.jpg is missing"));
}

TEST_F(SignedRecordCli, AnotherKeyExitsSevenWithTheWrongKeyVerdict)
{
    const SigningKey other = SigningKey::generate();
    auto changed = lines;
    forgeWholeRecordWith(changed, other);
    test::writeRecordLines(dir(), changed);

    CliRun run = verify({dir().string(), "--public-key", publicKeyFile()});
    EXPECT_EQ(run.code, 7);
    EXPECT_THAT(run.out, StartsWith("WRONG KEY: the record names key " + other.fingerprint() +
                                    ", not the expected key " + key->fingerprint() +
                                    "; the chain is complete and intact: 12 lines"));

    // Without --public-key the forgery verifies, but the verdict says whose key it is.
    run = verify({dir().string()});
    EXPECT_EQ(run.code, 0);
    EXPECT_THAT(run.out,
                HasSubstr("signed by key " + other.fingerprint() + " (not this installation's key)"));

    changed = lines;
    resignLastLine(changed, other);
    test::writeRecordLines(dir(), changed);
    run = verify({dir().string(), "--json"});
    EXPECT_EQ(run.code, 7);
    const auto json = nlohmann::json::parse(run.out);
    EXPECT_EQ(json["status"], "complete");
    EXPECT_EQ(json["signature"], "wrong_key");
    EXPECT_EQ(json["exit_code"], 7);
    EXPECT_EQ(json["record_key"]["fingerprint"], key->fingerprint());
    EXPECT_EQ(json["signed_by"]["fingerprint"], other.fingerprint());
    EXPECT_THAT(json["verdict"].get<std::string>(), StartsWith("WRONG KEY: session_end is signed by key "));
}

TEST_F(SignedRecordCli, ACrashedSessionExitsFourAndIsNotSigned)
{
    auto crashed = lines;
    crashed.resize(9);
    test::writeRecordLines(dir(), crashed);
    CliRun run = verify({dir().string()});
    EXPECT_EQ(run.code, 4);
    EXPECT_EQ(run.out,
              "intact but incomplete: no closing line (the session did not end cleanly); 9 lines verify; "
              "not signed because the session did not close; the record names key " +
                  key->fingerprint() + " (this installation's key)\n");

    run = verify({dir().string(), "--public-key", SigningKey::generate().publicKey().hex()});
    EXPECT_EQ(run.code, 7);
    EXPECT_THAT(run.out, HasSubstr("no closing line"));
}

TEST_F(SignedRecordCli, AnUnsignedRecordExitsSix)
{
    std::filesystem::remove_all(dir());
    ManualClock clock(1'795'611'731'000);
    {
        RecordWriter writer(dir(), clock);
        writer.append("heartbeat", {});
    }
    CliRun run = verify({dir().string()});
    EXPECT_EQ(run.code, 6);
    EXPECT_THAT(run.out, StartsWith("complete and intact but NOT SIGNED (the record names no key"));
    run = verify({dir().string(), "--public-key", publicKeyFile(), "--json"});
    EXPECT_EQ(run.code, 6);
    EXPECT_EQ(nlohmann::json::parse(run.out)["signature"], "unsigned");
}

TEST_F(SignedRecordCli, AMissingRecordExitsThreeAndBadArgumentsTwo)
{
    CliRun run = verify({(folder.path() / "absent").string()});
    EXPECT_EQ(run.code, 3);
    EXPECT_THAT(run.err, HasSubstr("absent"));

    run = verify({dir().string(), "--public-key", (folder.path() / "no-such.pem").string()});
    EXPECT_EQ(run.code, 3);
    EXPECT_THAT(run.err, HasSubstr("no-such.pem"));

    run = verify({dir().string(), "--public-key"});
    EXPECT_EQ(run.code, 2);
    EXPECT_THAT(run.err, HasSubstr("--public-key needs"));
}

// FORMAT.md's recipe for checking the signature without compliance-guard, word for word.
constexpr const char* kOpensslRecipe = R"(python3 - <<'EOF'
import json
lines = [json.loads(line) for line in open("session.jsonl", encoding="utf-8")]
start, end = lines[0], lines[-1]
open("message.txt", "w").write(end["hash"])
open("signature.bin", "wb").write(bytes.fromhex(end["signature"]["value"]))
open("public.der", "wb").write(bytes.fromhex("302a300506032b6570032100" + start["payload"]["public_key"]))
EOF
openssl pkey -pubin -inform DER -in public.der -out public.pem
openssl pkeyutl -verify -pubin -inkey public.pem -rawin -in message.txt -sigfile signature.bin
)";

TEST_F(SignedRecordCli, TheSignatureChecksWithTheOpensslCommandLineAsFormatMdSays)
{
    if (std::system("command -v openssl >/dev/null && command -v python3 >/dev/null") != 0)
        GTEST_SKIP() << "openssl or python3 is not installed: the command-line recipe cannot be tried";
    test::writeFile(dir() / "check.sh", kOpensslRecipe);
    const std::string command = "cd '" + dir().string() + "' && sh check.sh >out.txt 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << test::readFile(dir() / "out.txt");
    EXPECT_THAT(test::readFile(dir() / "out.txt"), HasSubstr("Signature Verified Successfully"));
    // The key taken from the record is the installation's public key file, byte for byte.
    EXPECT_EQ(test::readFile(dir() / "public.pem"), test::readFile(keyDir() / kPublicKeyFileName));

    auto changed = lines;
    auto end = line(11);
    end["payload"]["reason"] = "edited";
    end["hash"] = recordLineHash(end["prev"].get<std::string>(), end);
    changed[11] = end.dump();
    test::writeRecordLines(dir(), changed);
    EXPECT_NE(std::system(command.c_str()), 0) << "openssl accepted a signature over another hash";
    EXPECT_THAT(test::readFile(dir() / "out.txt"), HasSubstr("Signature Verification Failure"));
}

} // namespace
} // namespace cg

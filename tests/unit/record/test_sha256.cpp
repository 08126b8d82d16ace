#include "core/record/sha256.hpp"
#include "record_test_support.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace cg {
namespace {

// FIPS 180-2 test vectors.
TEST(Sha256, MatchesTheStandardTestVectors)
{
    EXPECT_EQ(sha256Hex(std::string_view("")),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex(std::string_view("abc")),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256Hex(std::string_view("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, HashesAFileLikeItsBytes)
{
    test::TempFolder folder;
    std::string content;
    for (int i = 0; i < 200000; ++i) // larger than one read chunk
        content.push_back(static_cast<char>(i * 31 % 251));
    test::writeFile(folder.path() / "data.bin", content);
    const std::vector<std::uint8_t> bytes(content.begin(), content.end());
    EXPECT_EQ(sha256HexOfFile(folder.path() / "data.bin"), sha256Hex(bytes));
    EXPECT_EQ(sha256HexOfFile(folder.path() / "data.bin"), sha256Hex(std::string_view(content)));
}

TEST(Sha256, AMissingFileThrowsNamingIt)
{
    test::TempFolder folder;
    try {
        (void)sha256HexOfFile(folder.path() / "absent.jpg");
        FAIL() << "expected an exception";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("absent.jpg"), std::string::npos) << error.what();
        EXPECT_NE(std::string(error.what()).find("No such file"), std::string::npos) << error.what();
    }
}

} // namespace
} // namespace cg

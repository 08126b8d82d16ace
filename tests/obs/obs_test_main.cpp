#include "obs/virtual_display.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
    testing::InitGoogleTest(&argc, argv);
    if (GTEST_FLAG_GET(list_tests))
        return RUN_ALL_TESTS(); // CTest's discovery needs no X server
    try {
        const cg::obstest::VirtualDisplay display;
        return RUN_ALL_TESTS();
    } catch (const std::exception& error) {
        std::fprintf(stderr, "%s\n", error.what());
        return 1;
    }
}

#include "core/thread_priority.hpp"

#include <gtest/gtest.h>

#include <thread>

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif

namespace cg {
namespace {

#if defined(__linux__)
TEST(ThreadPriority, AnAnalysisThreadRunsOnlyOnTimeNothingElseWants)
{
    int policy = -1;
    bool lowered = false;
    std::thread worker([&] {
        lowered = lowerCurrentThreadPriority();
        sched_param param{};
        pthread_getschedparam(pthread_self(), &policy, &param);
    });
    worker.join();
    EXPECT_TRUE(lowered);
    EXPECT_EQ(policy, SCHED_IDLE);
}
#endif

} // namespace
} // namespace cg

#include "core/thread_priority.hpp"

#if defined(__linux__)
#include <sys/resource.h>
#include <unistd.h>
#elif defined(_WIN32)
#include <windows.h>
#elif defined(__APPLE__)
#include <pthread.h>
#endif

namespace cg {

bool lowerCurrentThreadPriority() noexcept
{
#if defined(__linux__)
    // On Linux the nice value belongs to the thread (its task id), not to the whole process.
    constexpr int backgroundNice = 10;
    return setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), backgroundNice) == 0;
#elif defined(_WIN32)
    return SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_BELOW_NORMAL) != 0;
#elif defined(__APPLE__)
    return pthread_set_qos_class_self_np(QOS_CLASS_UTILITY, 0) == 0;
#else
    return false;
#endif
}

} // namespace cg

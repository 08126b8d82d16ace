#include "core/thread_priority.hpp"

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#elif defined(_WIN32)
#include <windows.h>
#elif defined(__APPLE__)
#include <pthread.h>
#endif

namespace cg {

bool lowerCurrentThreadPriority() noexcept
{
#if defined(__linux__)
    // SCHED_IDLE: the thread runs on what the rest of the system leaves; a lower nice value alone
    // still let the analysis delay OBS's frames when rendering is on the CPU (tests/bench/RESULTS.md).
    sched_param param{};
    param.sched_priority = 0;
    return pthread_setschedparam(pthread_self(), SCHED_IDLE, &param) == 0;
#elif defined(_WIN32)
    return SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_BELOW_NORMAL) != 0;
#elif defined(__APPLE__)
    return pthread_set_qos_class_self_np(QOS_CLASS_UTILITY, 0) == 0;
#else
    return false;
#endif
}

} // namespace cg

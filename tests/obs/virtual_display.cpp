#include "obs/virtual_display.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cg::obstest {

VirtualDisplay::VirtualDisplay()
{
    if (const char* display = std::getenv("DISPLAY"); display != nullptr && *display != '\0')
        return;
    int pipeFds[2];
    if (pipe(pipeFds) != 0)
        throw std::runtime_error("pipe for Xvfb -displayfd failed");
    pid_ = fork();
    if (pid_ < 0)
        throw std::runtime_error("fork for Xvfb failed");
    if (pid_ == 0) {
        close(pipeFds[0]);
        prctl(PR_SET_PDEATHSIG, SIGTERM); // a crashed test leaves no Xvfb behind
        const std::string fd = std::to_string(pipeFds[1]);
        execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1280x720x24", "-nolisten", "tcp",
               static_cast<char*>(nullptr));
        _exit(127);
    }
    close(pipeFds[1]);
    // Xvfb writes the display number followed by a newline once it accepts connections.
    std::string number;
    char c = 0;
    while (read(pipeFds[0], &c, 1) == 1 && c != '\n')
        number += c;
    close(pipeFds[0]);
    if (number.empty()) {
        kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
        throw std::runtime_error("Xvfb did not start (is the xvfb package installed?)");
    }
    setenv("DISPLAY", (":" + number).c_str(), 1);
    std::fprintf(stderr, "started Xvfb on DISPLAY=:%s\n", number.c_str());
}

VirtualDisplay::~VirtualDisplay()
{
    if (pid_ <= 0)
        return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
}

} // namespace cg::obstest

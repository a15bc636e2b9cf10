// The test document system (docsystem.py) as a child process for one test: started on a free
// loopback port, stopped (SIGTERM) when the object goes.
#pragma once

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

namespace kyso::test {

class DocSystem {
 public:
  bool start(const std::filesystem::path& files, const std::filesystem::path& out,
             const std::filesystem::path& log) {
    int pipefd[2];
    if (::pipe(pipefd) != 0) return false;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1);
    posix_spawn_file_actions_addclose(&fa, pipefd[0]);
    const char* src = std::getenv("KYSO_SOURCE_DIR");
    const std::string script =
        (std::filesystem::path(src ? src : ".") / "tests/service/docsystem.py").string();
    std::vector<std::string> args = {
        "/usr/bin/python3", script,  "--files",   files.string(), "--out",
        out.string(),       "--log", log.string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = posix_spawn(&m_pid, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    ::close(pipefd[1]);
    if (rc != 0) {
      ::close(pipefd[0]);
      return false;
    }
    std::string line;
    char c;
    while (::read(pipefd[0], &c, 1) == 1 && c != '\n') line.push_back(c);
    ::close(pipefd[0]);
    if (line.rfind("PORT ", 0) != 0) return false;
    port = std::stoi(line.substr(5));
    return true;
  }
  ~DocSystem() {
    if (m_pid > 0) {
      ::kill(m_pid, SIGTERM);
      int st = 0;
      ::waitpid(m_pid, &st, 0);
    }
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port) + path;
  }
  int port = 0;

 private:
  pid_t m_pid = -1;
};

}  // namespace kyso::test

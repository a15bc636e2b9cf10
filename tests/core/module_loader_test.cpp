// The optional-module loader: a module that is missing, not a shared object, or lacks its entry
// function gives ComponentUnavailable with the operation and the reason, never a crash.
#include "core/module_loader.h"

#include <dlfcn.h>
#include <gtest/gtest.h>
#include <openssl/crypto.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using kyso::Errc;

namespace {

class ModuleLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kyso-modules-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    ::setenv("KYSO_MODULE_DIR", dir_.c_str(), 1);
  }
  void TearDown() override {
    ::unsetenv("KYSO_MODULE_DIR");
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path dir_;
};

TEST_F(ModuleLoaderTest, SearchesTheEnvironmentDirectoryFirst) {
  const auto dirs = kyso::modules::searchDirs();
  ASSERT_FALSE(dirs.empty());
  EXPECT_EQ(dirs.front(), fs::weakly_canonical(dir_));
}

TEST_F(ModuleLoaderTest, MissingModuleNamesTheDirectoriesSearched) {
  auto r = kyso::modules::loadEntry("kyso-none-missing.so", "kyso_none_api");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::ComponentUnavailable);
  EXPECT_EQ(r.error().operation, "dlopen");
  EXPECT_NE(r.error().context.find("kyso-none-missing.so not found"), std::string::npos);
  EXPECT_NE(r.error().context.find(dir_.filename().string()), std::string::npos);
}

TEST_F(ModuleLoaderTest, JunkFileIsRefusedWithTheLoadersReason) {
  std::ofstream(dir_ / "kyso-junk.so") << "this is not an ELF shared object\n";
  auto r = kyso::modules::loadEntry("kyso-junk.so", "kyso_junk_api");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::ComponentUnavailable);
  EXPECT_EQ(r.error().operation, "dlopen");
  EXPECT_NE(r.error().context.find("kyso-junk.so: "), std::string::npos);
}

TEST_F(ModuleLoaderTest, SharedObjectWithoutTheEntryIsRefused) {
  // A real shared object that is not a kyso module: libcrypto, which kyso_core links.
  Dl_info info{};
  ASSERT_NE(dladdr(reinterpret_cast<void*>(&OpenSSL_version), &info), 0);
  ASSERT_NE(info.dli_fname, nullptr);
  // A symlink, so that the loader finds the already loaded library and loads no second copy.
  fs::create_symlink(fs::absolute(info.dli_fname), dir_ / "kyso-notamodule.so");
  auto r = kyso::modules::loadEntry("kyso-notamodule.so", "kyso_notamodule_api");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::ComponentUnavailable);
  EXPECT_EQ(r.error().operation, "dlsym");
  EXPECT_NE(r.error().context.find("kyso_notamodule_api"), std::string::npos);
}

// The installed layout broken on purpose: `kyso` copied alone into an empty folder finds no
// kyso-commands.so or kyso-detached.so, and every command but `token` says so and exits 4
// without a crash.
TEST_F(ModuleLoaderTest, KysoWithoutItsModulesExplainsAndExits4) {
  const char* bin = std::getenv("KYSO_BIN");
  if (bin == nullptr || !fs::exists(fs::path(bin) / "kyso")) {
    if (const char* ci = std::getenv("CI"); ci && std::string(ci) == "true")
      FAIL() << "KYSO_BIN/kyso is missing";
    GTEST_SKIP() << "KYSO_BIN/kyso is not built; skipping";
  }
  const fs::path lonely = dir_ / "bin";
  fs::create_directories(lonely);
  fs::copy_file(fs::path(bin) / "kyso", lonely / "kyso");
  ::unsetenv("KYSO_MODULE_DIR");
  // Each command names the module it misses and exits 4: `sign --detached` has one of its own.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"verify '" + (dir_ / "none.pdf").string() + "'", "kyso-commands.so"},
      {"sign '" + (dir_ / "a.txt").string() + "' --detached", "kyso-detached.so"}};
  for (const auto& [args, module] : cases) {
    const std::string cmd = "'" + (lonely / "kyso").string() + "' " + args + " > '" +
                            (dir_ / "out.txt").string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(rc));
    EXPECT_EQ(WEXITSTATUS(rc), 4) << args;
    std::ifstream in(dir_ / "out.txt");
    const std::string out{std::istreambuf_iterator<char>(in), {}};
    EXPECT_NE(out.find(module), std::string::npos) << out;
  }
}

}  // namespace

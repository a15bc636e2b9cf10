// Starts the real kyso-gui in screenshot mode, in Vietnamese and in English, with a sample PDF on
// the Sign tab, and checks that every screenshot is a real PNG of a real window. The files stay
// in ${KYSO_SCREENSHOT_DIR} (the build tree's screenshots/) for people to look at.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

TEST(Screenshots, EveryTabInBothLanguages) {
  const std::filesystem::path gui = std::filesystem::path(env("KYSO_BIN")) / "kyso-gui";
  ASSERT_TRUE(std::filesystem::exists(gui)) << gui;
  const std::filesystem::path out = env("KYSO_SCREENSHOT_DIR");
  ASSERT_FALSE(out.empty());
  const std::filesystem::path home =
      std::filesystem::temp_directory_path() / ("kyso-ui-shots-" + std::to_string(::getpid()));
  std::filesystem::create_directories(home);
  const std::string sample =
      env("KYSO_SHARED_DIR") + "/corpus/pdf/pyhanko__minimal-signed-twice-both-created.pdf";
  for (const char* lang : {"vi", "en"}) {
    // Settings go to a throwaway home, never the user's.
    std::string verify;
    for (const char* f : {"pyhanko__minimal.pdf", "dss__pdf-signed-original.pdf",
                          "derived__dss-pdf-signed-original_producer-byteflip.pdf",
                          "dss__pdf-signed-added-page.pdf", "dss__malformed-pades.pdf"})
      verify += " --verify '" + env("KYSO_SHARED_DIR") + "/corpus/pdf/" + f + "'";
    const std::string cmd = "HOME='" + home.string() + "' XDG_CONFIG_HOME='" + home.string() +
                            "/config' QT_QPA_PLATFORM=offscreen '" + gui.string() + "' --lang " +
                            lang + " --screenshots '" + out.string() + "'" + verify + " '" +
                            sample + "' > '" + home.string() + "/out.txt' 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    for (const char* name : {"1-tokens", "2-sign", "3-verify", "4-inventory", "5-settings",
                             "6-pin-final-try", "7-about"}) {
      const auto png = out / (std::string(lang) + "-" + name + ".png");
      ASSERT_TRUE(std::filesystem::exists(png)) << png;
      EXPECT_GT(std::filesystem::file_size(png), 2000u) << png;
      std::ifstream f(png, std::ios::binary);
      char magic[8] = {};
      f.read(magic, 8);
      EXPECT_EQ(std::string(magic + 1, 3), "PNG") << png;
    }
  }
  std::filesystem::remove_all(home);
}

}  // namespace

#include "core/atomic_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/commit_pool.h"

namespace kyso {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "kyso-atomic-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir = tmpl;
  }
  void TearDown() override { fs::remove_all(dir); }
  static std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), {}));
  }
  fs::path dir;
};

TEST_F(AtomicFileTest, CommitRenamesIntoPlace) {
  auto f = AtomicFile::create(dir / "out.pdf");
  ASSERT_TRUE(f.ok());
  ASSERT_TRUE(f->write("hello").ok());
  ASSERT_TRUE(f->pwrite(0, std::as_bytes(std::span("J", 1))).ok());
  EXPECT_FALSE(fs::exists(dir / "out.pdf"));
  ASSERT_TRUE(f->commit().ok());
  EXPECT_EQ(slurp(dir / "out.pdf"), "Jello");
  EXPECT_EQ(entries(), 1u);
}

// A new output is not in the folder at all until it is committed (an unnamed O_TMPFILE file on
// file systems that have them, as every test machine does): a crash leaves nothing to clean up.
// tempPath() still opens it (the PDF signer reads its prepared file back), and the committed
// file is readable by others (0644) whatever the umask.
TEST_F(AtomicFileTest, NewOutputIsInvisibleUntilCommitted) {
  const mode_t old = ::umask(077);
  auto f = AtomicFile::create(dir / "letter.pdf.p7s");
  ::umask(old);
  ASSERT_TRUE(f.ok());
  ASSERT_TRUE(f->write("chữ ký").ok());
  EXPECT_EQ(entries(), 0u) << "no temporary name in the folder";
  EXPECT_EQ(slurp(f->tempPath()), "chữ ký");
  ASSERT_TRUE(f->commit().ok());
  EXPECT_EQ(slurp(dir / "letter.pdf.p7s"), "chữ ký");
  EXPECT_EQ(entries(), 1u);
  struct stat st {};
  ASSERT_EQ(::stat((dir / "letter.pdf.p7s").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
  // A second commit of the same object is refused, not a crash.
  auto again = f->commit();
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, Errc::OutputNotWritable);
}

TEST_F(AtomicFileTest, DeferredDirectorySyncStillRenamesIntoPlace) {
  for (const char* name : {"a.pdf", "b.pdf"}) {
    auto f = AtomicFile::create(dir / name);
    ASSERT_TRUE(f.ok());
    ASSERT_TRUE(f->write(name).ok());
    ASSERT_TRUE(f->commit(AtomicFile::DirSync::Deferred).ok());
  }
  EXPECT_EQ(slurp(dir / "a.pdf"), "a.pdf");
  EXPECT_EQ(slurp(dir / "b.pdf"), "b.pdf");
  EXPECT_EQ(entries(), 2u);
  EXPECT_TRUE(kyso::syncDirectory(dir).ok());
  auto missing = kyso::syncDirectory(dir / "nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, Errc::FileNotFound);
  EXPECT_EQ(missing.error().operation, "open");
}

TEST_F(AtomicFileTest, AbandonLeavesNothing) {
  {
    auto f = AtomicFile::create(dir / "out.pdf");
    ASSERT_TRUE(f.ok());
    ASSERT_TRUE(f->write("partial").ok());
  }
  EXPECT_EQ(entries(), 0u);
}

TEST_F(AtomicFileTest, RefusesExistingTargetUnlessAllowed) {
  std::ofstream(dir / "out.pdf") << "original";
  auto f = AtomicFile::create(dir / "out.pdf");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().kind, Errc::FileExists);
  auto g = AtomicFile::create(dir / "out.pdf", AtomicFile::Overwrite::Allow);
  ASSERT_TRUE(g.ok());
  ASSERT_TRUE(g->write("new").ok());
  ASSERT_TRUE(g->commit().ok());
  EXPECT_EQ(slurp(dir / "out.pdf"), "new");
}

// A process killed while it writes leaves nothing next to its output, for a new output and for a
// replacement alike (issue 16: a crash used to leave ".NAME.kyso-XXXXXX" when replacing).
TEST_F(AtomicFileTest, CrashWhileWritingLeavesNoTemporaryFile) {
  std::ofstream(dir / "old.pdf") << "original";
  for (auto [name, ow] : {std::pair{"new.pdf", AtomicFile::Overwrite::Refuse},
                          std::pair{"old.pdf", AtomicFile::Overwrite::Allow}}) {
    SCOPED_TRACE(name);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      auto f = AtomicFile::create(dir / name, ow);
      if (!f.ok() || !f->write("partial").ok()) _exit(1);
      ::kill(::getpid(), SIGKILL);
      _exit(2);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << "child exit " << WEXITSTATUS(status);
    EXPECT_EQ(entries(), 1u);
    EXPECT_EQ(slurp(dir / "old.pdf"), "original");
  }
  // And a replacement that commits leaves only its target.
  auto g = AtomicFile::create(dir / "old.pdf", AtomicFile::Overwrite::Allow);
  ASSERT_TRUE(g.ok());
  ASSERT_TRUE(g->write("new").ok());
  EXPECT_EQ(entries(), 1u);
  ASSERT_TRUE(g->commit().ok());
  EXPECT_EQ(entries(), 1u);
  EXPECT_EQ(slurp(dir / "old.pdf"), "new");
}

// CommitPool commits every queued file and reports each result through its own future: a file
// whose target appeared after it was started (Overwrite::Refuse) fails with FileExists and the
// file already there is untouched; files still queued when the pool goes are committed.
TEST_F(AtomicFileTest, CommitPoolCommitsEachAndReportsEach) {
  std::vector<std::future<Status>> done;
  {
    CommitPool pool(2);
    for (int i = 0; i < 20; ++i) {
      auto f = AtomicFile::create(dir / ("f" + std::to_string(i) + ".p7s"));
      ASSERT_TRUE(f.ok());
      ASSERT_TRUE(f->write("signature " + std::to_string(i)).ok());
      if (i == 7) std::ofstream(dir / "f7.p7s") << "someone else's";
      done.push_back(pool.commit(std::move(*f)));
    }
    auto late = AtomicFile::create(dir / "late.p7s");
    ASSERT_TRUE(late.ok());
    ASSERT_TRUE(late->write("late").ok());
    (void)pool.commit(std::move(*late));  // still queued, perhaps, when the pool goes
  }
  for (int i = 0; i < 20; ++i) {
    Status st = done[static_cast<std::size_t>(i)].get();
    if (i == 7) {
      ASSERT_FALSE(st.ok());
      EXPECT_EQ(st.error().kind, Errc::FileExists);
      EXPECT_EQ(slurp(dir / "f7.p7s"), "someone else's");
    } else {
      EXPECT_TRUE(st.ok()) << i;
      EXPECT_EQ(slurp(dir / ("f" + std::to_string(i) + ".p7s")), "signature " + std::to_string(i));
    }
  }
  EXPECT_EQ(slurp(dir / "late.p7s"), "late");
  EXPECT_EQ(entries(), 21u) << "no temporary file left";
}

TEST_F(AtomicFileTest, MissingDirectoryIsAClearError) {
  auto f = AtomicFile::create(dir / "nope" / "out.pdf");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().kind, Errc::FileNotFound);
}

TEST_F(AtomicFileTest, FullDiskLosesNothing) {
  // /dev/full answers every write with ENOSPC; a target in a real directory must stay untouched.
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this machine";
  std::ofstream(dir / "keep.pdf") << "original";
  auto f = AtomicFile::create(dir / "keep.pdf", AtomicFile::Overwrite::Allow);
  ASSERT_TRUE(f.ok());
  // Point the temporary descriptor at /dev/full to simulate the disk filling up mid-write.
  int full = ::open("/dev/full", O_WRONLY);
  ASSERT_GE(full, 0);
  ASSERT_GE(::dup2(full, f->fd()), 0);
  ::close(full);
  auto w = f->write(std::string(4096, 'x'));
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().kind, Errc::DiskFull);
  f->abandon();
  EXPECT_EQ(slurp(dir / "keep.pdf"), "original");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, ReadSmallFileLimits) {
  std::ofstream(dir / "a.txt") << "abcdef";
  EXPECT_EQ(*readSmallFile(dir / "a.txt"), "abcdef");
  auto big = readSmallFile(dir / "a.txt", 3);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().kind, Errc::InputTooLarge);
  EXPECT_EQ(readSmallFile(dir / "none").error().kind, Errc::FileNotFound);
  EXPECT_EQ(readSmallFile(dir).error().kind, Errc::FileUnreadable);
}

}  // namespace
}  // namespace kyso

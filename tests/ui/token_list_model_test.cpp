// The token list model follows the events of a (fake) event source, including events sent from
// another thread as the device worker sends them.
#include "ui/tokens/token_list_model.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <thread>

#include "tests/ui/qt_print.h"

namespace kyso::ui {
namespace {

class FakeSource : public TokenEventSource {
 public:
  QStringList readers;
  int refreshed = 0;
  void refresh() override {
    ++refreshed;
    for (const auto& r : readers) emit readerAdded(r);
  }
};

TokenSnapshot token(const QString& reader, const QString& serial) {
  TokenSnapshot s;
  s.reader = reader;
  s.present = true;
  s.label = QStringLiteral("Nguyễn Văn A");
  s.serial = serial;
  s.pin = TokenSnapshot::Pin::Ok;
  return s;
}

TEST(TokenListModel, FollowsReaderAndTokenEvents) {
  FakeSource src;
  src.readers = {QStringLiteral("Reader 1"), QStringLiteral("Reader 2")};
  TokenListModel model;
  QSignalSpy current(&model, &TokenListModel::currentTokenChanged);
  model.setSource(&src);
  EXPECT_EQ(src.refreshed, 1);
  ASSERT_EQ(model.rowCount(), 2);
  EXPECT_FALSE(model.currentToken());
  EXPECT_EQ(model.index(0, TokenListModel::Token).data().toString(),
            QStringLiteral("(empty reader)"));

  emit src.tokenChanged(token(QStringLiteral("Reader 2"), QStringLiteral("0123")));
  EXPECT_EQ(current.count(), 1);
  ASSERT_TRUE(model.currentToken());
  EXPECT_EQ(model.currentToken()->serial, QStringLiteral("0123"));
  EXPECT_EQ(model.index(1, TokenListModel::Token).data().toString(),
            QStringLiteral("Nguyễn Văn A (serial 0123)"));

  TokenSnapshot low = token(QStringLiteral("Reader 2"), QStringLiteral("0123"));
  low.pin = TokenSnapshot::Pin::CountLow;
  low.triesLeft = 2;
  emit src.tokenChanged(low);
  EXPECT_EQ(model.index(1, TokenListModel::PinState).data().toString(),
            QStringLiteral("2 tries left"));
  TokenSnapshot locked = low;
  locked.pin = TokenSnapshot::Pin::Locked;
  emit src.tokenChanged(locked);
  EXPECT_EQ(model.index(1, TokenListModel::PinState).data().toString(),
            QStringLiteral("Locked: request restoration"));
  EXPECT_TRUE(model.index(1, TokenListModel::PinState).data(Qt::ForegroundRole).isValid());

  emit src.tokenRemoved(QStringLiteral("Reader 2"));
  EXPECT_FALSE(model.currentToken());
  EXPECT_EQ(model.rowCount(), 2);
  emit src.readerRemoved(QStringLiteral("Reader 1"));
  EXPECT_EQ(model.rowCount(), 1);
  EXPECT_EQ(model.rowOf(QStringLiteral("Reader 2")), 0);

  // A token in a reader the model has not seen yet adds the reader.
  emit src.tokenChanged(token(QStringLiteral("Reader 3"), QStringLiteral("77")));
  EXPECT_EQ(model.rowCount(), 2);
  EXPECT_EQ(model.currentToken()->reader, QStringLiteral("Reader 3"));
}

TEST(TokenListModel, EventsFromTheWorkerThreadArriveQueued) {
  FakeSource src;
  TokenListModel model;
  model.setSource(&src);
  std::thread worker([&] {
    emit src.readerAdded(QStringLiteral("Reader W"));
    emit src.tokenChanged(token(QStringLiteral("Reader W"), QStringLiteral("W1")));
  });
  worker.join();
  EXPECT_EQ(model.rowCount(), 0);  // not applied on the worker thread
  EXPECT_TRUE(QTest::qWaitFor([&] { return model.currentToken().has_value(); }, 5000));
  EXPECT_EQ(model.rowCount(), 1);
  EXPECT_EQ(model.currentToken()->serial, QStringLiteral("W1"));
}

TEST(TokenListModel, SourceFailureIsReported) {
  FakeSource src;
  TokenListModel model;
  model.setSource(&src);
  emit src.sourceFailed(QStringLiteral("The smart card service is not running."));
  EXPECT_EQ(model.lastFailure(), QStringLiteral("The smart card service is not running."));
}

}  // namespace
}  // namespace kyso::ui

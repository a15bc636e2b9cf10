// UnavailableNotice: the honest state of a feature whose library is not part of this build (for
// example the Verify tab when kyso_pdfverify was not built). It names the missing piece.
#pragma once

#include <QLabel>
#include <functional>

namespace kyso::ui {

class UnavailableNotice : public QLabel {
  Q_OBJECT
 public:
  /// `text` is called again on every language change, so pass a lambda that uses tr().
  explicit UnavailableNotice(std::function<QString()> text, QWidget* parent = nullptr);

 protected:
  void changeEvent(QEvent* e) override;

 private:
  std::function<QString()> m_text;
};

}  // namespace kyso::ui

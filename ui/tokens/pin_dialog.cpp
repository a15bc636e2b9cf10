#include "ui/tokens/pin_dialog.h"

#include <openssl/crypto.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kyso::ui {

void appendUtf8(SecretBuffer& out, const QString& text) {
  const qsizetype n = text.size();
  for (qsizetype i = 0; i < n; ++i) {
    char32_t cp = text.at(i).unicode();
    if (QChar::isHighSurrogate(cp) && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
      cp = QChar::surrogateToUcs4(static_cast<char16_t>(cp), text.at(i + 1).unicode());
      ++i;
    }
    if (cp < 0x80) {
      out.push(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push(static_cast<char>(0xC0 | (cp >> 6)));
      out.push(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push(static_cast<char>(0xE0 | (cp >> 12)));
      out.push(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push(static_cast<char>(0xF0 | (cp >> 18)));
      out.push(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    cp = 0;
  }
}

void wipeQString(QString& text) {
  // Static data (a literal set by a test, an empty string) is read-only and not a typed secret.
  if (text.isEmpty() || !text.data_ptr().isMutable()) {
    text = QString();
    return;
  }
  // Writing through constData() reaches the buffer shared with the line edit; detaching first (the
  // usual data()) would wipe only a fresh copy and leave the original behind.
  auto* p = const_cast<QChar*>(text.constData());
  OPENSSL_cleanse(p, static_cast<std::size_t>(text.size()) * sizeof(QChar));
  text = QString();
}

PinDialog::PinDialog(const PinRequest& request, QWidget* parent)
    : QDialog(parent), m_request(request) {
  setObjectName(QStringLiteral("PinDialog"));
  setModal(true);
  auto* layout = new QVBoxLayout(this);
  m_title = new QLabel(this);
  m_title->setWordWrap(true);
  m_tries = new QLabel(this);
  m_tries->setObjectName(QStringLiteral("tries"));
  m_warning = new QLabel(this);
  m_warning->setObjectName(QStringLiteral("warning"));
  m_warning->setWordWrap(true);
  m_warning->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
  m_pin = new QLineEdit(this);
  m_pin->setObjectName(QStringLiteral("pin"));
  m_pin->setEchoMode(QLineEdit::Password);
  m_pin->setContextMenuPolicy(Qt::NoContextMenu);  // no copy/paste menu for a secret
  m_pin->setDragEnabled(false);
  m_pin->setAttribute(Qt::WA_InputMethodEnabled, false);
  m_repeat = new QLineEdit(this);
  m_repeat->setObjectName(QStringLiteral("repeat"));
  m_repeat->setEchoMode(QLineEdit::Password);
  m_repeat->setContextMenuPolicy(Qt::NoContextMenu);
  m_repeat->setAttribute(Qt::WA_InputMethodEnabled, false);
  m_understand = new QCheckBox(this);
  m_understand->setObjectName(QStringLiteral("understand"));
  auto* buttons = new QDialogButtonBox(this);
  m_ok = buttons->addButton(QDialogButtonBox::Ok);
  m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
  layout->addWidget(m_title);
  layout->addWidget(m_tries);
  layout->addWidget(m_warning);
  layout->addWidget(m_pin);
  layout->addWidget(m_repeat);
  layout->addWidget(m_understand);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &PinDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &PinDialog::reject);
  connect(m_pin, &QLineEdit::textChanged, this, [this] { updateState(); });
  connect(m_repeat, &QLineEdit::textChanged, this, [this] { updateState(); });
  connect(m_understand, &QCheckBox::toggled, this, [this] { updateState(); });

  const bool isNew = m_request.role == PinRequest::Role::NewUser ||
                     m_request.role == PinRequest::Role::NewSecurityOfficer;
  m_pin->setVisible(!m_request.pinPad && !m_request.locked);
  m_repeat->setVisible(isNew && !m_request.pinPad);
  m_understand->setVisible(m_request.finalTry && !m_request.locked);
  retranslateUi();
  updateState();
}

PinDialog::~PinDialog() {
  wipeEntry();
}

void PinDialog::retranslateUi() {
  switch (m_request.role) {
    case PinRequest::Role::SecurityOfficer:
      setWindowTitle(tr("Security officer PIN"));
      m_title->setText(tr("Enter the security officer (SO) PIN of %1.").arg(m_request.token));
      break;
    case PinRequest::Role::Signature:
      setWindowTitle(tr("PIN for this signature"));
      m_title->setText(
          tr("The key on %1 asks for the PIN again before each signature.").arg(m_request.token));
      break;
    case PinRequest::Role::NewUser:
      setWindowTitle(tr("New PIN"));
      m_title->setText(tr("Choose the new PIN of %1 and type it twice.").arg(m_request.token));
      break;
    case PinRequest::Role::NewSecurityOfficer:
      setWindowTitle(tr("New security officer PIN"));
      m_title->setText(tr("Choose the new security officer (SO) PIN of %1 and type it twice.")
                           .arg(m_request.token));
      break;
    case PinRequest::Role::User:
      setWindowTitle(tr("Token PIN"));
      m_title->setText(tr("Enter the PIN of %1.").arg(m_request.token));
      break;
  }
  if (m_request.pinPad)
    m_title->setText(tr("Enter the PIN on the reader's keypad for %1, then "
                        "press Continue.")
                         .arg(m_request.token));
  if (m_request.locked) {
    m_tries->setText(tr("Locked: request restoration of this token."));
  } else if (m_request.triesLeft) {
    m_tries->setText(tr("%n tries left", nullptr, *m_request.triesLeft));
  } else if (m_request.countLow) {
    m_tries->setText(tr("A wrong PIN was entered recently: few tries are left."));
  } else {
    m_tries->setText(tr("This token does not say how many tries are left."));
  }
  m_warning->setText(m_request.finalTry && !m_request.locked
                         ? tr("This is the final try: one more wrong PIN locks the token, and "
                              "unlocking it takes a restoration request.")
                         : QString());
  m_warning->setVisible(!m_warning->text().isEmpty());
  m_understand->setText(tr("I understand that a wrong PIN now locks the token"));
  m_pin->setPlaceholderText(tr("PIN"));
  m_repeat->setPlaceholderText(tr("The same PIN again"));
  m_ok->setText(m_request.pinPad ? tr("Continue") : tr("OK"));
  m_cancel->setText(tr("Cancel"));
}

bool PinDialog::canAccept() const {
  if (m_request.locked) return false;
  if (m_request.finalTry && !m_understand->isChecked()) return false;
  if (m_request.pinPad) return true;
  if (m_repeat->isVisibleTo(this) && m_repeat->text() != m_pin->text()) return false;
  return !m_pin->text().isEmpty();
}

void PinDialog::updateState() {
  m_ok->setEnabled(canAccept());
}

void PinDialog::accept() {
  if (!canAccept()) return;  // Enter pressed at the final try without the box ticked
  QDialog::accept();
}

void PinDialog::reject() {
  wipeEntry();
  QDialog::reject();
}

SecretBuffer PinDialog::takePin() {
  SecretBuffer pin;
  if (!m_request.pinPad) {
    QString text = m_pin->text();
    appendUtf8(pin, text);
    wipeQString(text);
  }
  wipeEntry();
  return pin;
}

void PinDialog::wipeEntry() {
  for (QLineEdit* e : {m_pin, m_repeat}) {
    if (!e) continue;
    QString text = e->text();
    wipeQString(text);
    // setText() replaces the text and clears the undo history, which holds typed characters.
    const QSignalBlocker block(e);
    e->setText(QString());
  }
}

void PinDialog::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslateUi();
  QDialog::changeEvent(e);
}

}  // namespace kyso::ui

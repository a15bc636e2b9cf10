#include "ui/tokens/token_action_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace kyso::ui {

TokenActionDialog::TokenActionDialog(const QString& action, const QString& tokenName,
                                     QWidget* parent)
    : QDialog(parent), m_action(action) {
  setObjectName(QStringLiteral("TokenActionDialog"));
  setWindowTitle(tr("Confirm"));
  auto* layout = new QVBoxLayout(this);
  m_question = new QLabel(this);
  m_question->setObjectName(QStringLiteral("question"));
  m_question->setWordWrap(true);
  layout->addWidget(m_question);
  m_form = new QFormLayout;
  layout->addLayout(m_form);
  QString okText;
  auto browse = [this](bool save) {
    auto* row = new QWidget(this);
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    m_file = new QLineEdit(row);
    m_file->setObjectName(QStringLiteral("file"));
    auto* b = new QPushButton(tr("Browse…"), row);
    h->addWidget(m_file, 1);
    h->addWidget(b);
    connect(b, &QPushButton::clicked, this, [this, save] {
      auto* d = new QFileDialog(this);
      d->setAttribute(Qt::WA_DeleteOnClose);
      d->setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
      d->setFileMode(save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
      d->setNameFilters(save ? QStringList{tr("Certificate requests (*.pem *.csr)")}
                             : QStringList{tr("Certificates (*.pem *.crt *.cer *.der *.p7b *.p7c)"),
                                           tr("All files (*)")});
      if (save) d->setDefaultSuffix(QStringLiteral("pem"));
      connect(d, &QFileDialog::fileSelected, m_file, &QLineEdit::setText);
      d->open();
    });
    return row;
  };
  if (action == QLatin1String("init")) {
    m_question->setText(
        tr("Initialise %1? This erases every key and certificate on the token; you then choose a "
           "new security officer (SO) PIN and the first user PIN.")
            .arg(tokenName));
    m_label = addLine(QStringLiteral("label"), tr("New label"));
    m_understand = new QCheckBox(tr("I understand that everything on this token is erased"), this);
    m_understand->setObjectName(QStringLiteral("understand"));
    layout->addWidget(m_understand);
    connect(m_understand, &QCheckBox::toggled, this, &TokenActionDialog::update);
    okText = tr("Initialise");
  } else if (action == QLatin1String("keygen")) {
    m_question->setText(tr("Generate a new signing key on %1?").arg(tokenName));
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("type"));
    for (const char* t : {"rsa:2048", "rsa:3072", "rsa:4096", "ec:P-256", "ec:P-384"})
      m_type->addItem(QString::fromLatin1(t), QString::fromLatin1(t));
    m_form->addRow(tr("Key type"), m_type);
    m_id = addLine(QStringLiteral("id"), tr("Key ID (hex)"));
    m_label = addLine(QStringLiteral("label"), tr("Key label"));
    okText = tr("Generate");
  } else if (action == QLatin1String("csr")) {
    m_question->setText(
        tr("Make a certificate request with a key on %1? The key signs the request.")
            .arg(tokenName));
    m_id = addLine(QStringLiteral("id"), tr("Key ID (hex)"));
    m_subject = addLine(QStringLiteral("subject"), tr("Subject"), QStringLiteral("/C=VN/O=/CN="));
    m_form->addRow(tr("Save the request as"), browse(true));
    okText = tr("Make the request");
  } else if (action == QLatin1String("import-cert")) {
    m_question->setText(
        tr("Store a certificate on %1, beside its key? Other certificates in the file are stored "
           "as CA certificates.")
            .arg(tokenName));
    m_form->addRow(tr("Certificate file"), browse(false));
    okText = tr("Import");
  } else {
    m_question->setText(
        tr("Test %1? Every signing key signs a test message and the signature is checked.")
            .arg(tokenName));
    okText = tr("Run the self-test");
  }
  if (m_file) connect(m_file, &QLineEdit::textChanged, this, &TokenActionDialog::update);
  m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  m_buttons->button(QDialogButtonBox::Ok)->setText(okText);
  m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
  m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
  layout->addWidget(m_buttons);
  connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
    if (complete()) accept();
  });
  connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  update();
}

QLineEdit* TokenActionDialog::addLine(const QString& objectName, const QString& label,
                                      const QString& value) {
  auto* e = new QLineEdit(value, this);
  e->setObjectName(objectName);
  m_form->addRow(label, e);
  connect(e, &QLineEdit::textChanged, this, &TokenActionDialog::update);
  return e;
}

bool TokenActionDialog::complete() const {
  static const QRegularExpression hex(QStringLiteral("^([0-9A-Fa-f]{2})+$"));
  if (m_understand && !m_understand->isChecked()) return false;
  if (m_action == QLatin1String("init")) {
    const QByteArray l = m_label->text().trimmed().toUtf8();
    return !l.isEmpty() && l.size() <= 32;
  }
  if (m_id && !hex.match(m_id->text().trimmed()).hasMatch()) return false;
  if (m_subject && !m_subject->text().contains(QLatin1String("CN="))) return false;
  if (m_file && m_file->text().trimmed().isEmpty()) return false;
  return true;
}

void TokenActionDialog::update() {
  if (m_buttons) m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete());
}

QVariantMap TokenActionDialog::params() const {
  QVariantMap p;
  if (m_label) p.insert(QStringLiteral("label"), m_label->text().trimmed());
  if (m_type) p.insert(QStringLiteral("type"), m_type->currentData().toString());
  if (m_id) p.insert(QStringLiteral("id"), m_id->text().trimmed());
  if (m_subject) p.insert(QStringLiteral("subject"), m_subject->text().trimmed());
  if (m_file) {
    p.insert(m_action == QLatin1String("csr") ? QStringLiteral("output") : QStringLiteral("file"),
             m_file->text().trimmed());
  }
  return p;
}

}  // namespace kyso::ui

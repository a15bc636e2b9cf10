#include "ui/tokens/tokens_tab.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/common/unavailable_notice.h"
#include "ui/tokens/token_action_dialog.h"
#include "ui/tokens/token_list_model.h"

namespace kyso::ui {

TokensTab::TokensTab(TokenListModel* model, bool tokenLayerAvailable, QWidget* parent)
    : QWidget(parent), m_model(model), m_available(tokenLayerAvailable) {
  setObjectName(QStringLiteral("TokensTab"));
  auto* layout = new QVBoxLayout(this);
  if (!m_available) {
    layout->addWidget(new UnavailableNotice(
        [] {
          return tr(
              "Token access is not available in this build: the token layer (kyso_pkcs11) "
              "was not built.");
        },
        this));
  }
  auto* split = new QSplitter(Qt::Horizontal, this);
  m_table = new QTableView(split);
  m_table->setObjectName(QStringLiteral("tokenTable"));
  m_table->setModel(m_model);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->verticalHeader()->hide();
  m_details = new QTextBrowser(split);
  m_details->setObjectName(QStringLiteral("tokenDetails"));
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  layout->addWidget(split, 1);

  auto* actions = new QHBoxLayout;
  m_changePin = new QPushButton(this);
  m_unblock = new QPushButton(this);
  m_init = new QPushButton(this);
  m_keygen = new QPushButton(this);
  m_csr = new QPushButton(this);
  m_import = new QPushButton(this);
  m_selfTest = new QPushButton(this);
  m_init->setObjectName(QStringLiteral("initToken"));
  m_keygen->setObjectName(QStringLiteral("generateKey"));
  m_csr->setObjectName(QStringLiteral("makeCsr"));
  m_import->setObjectName(QStringLiteral("importCert"));
  m_selfTest->setObjectName(QStringLiteral("selfTest"));
  for (auto* b : {m_changePin, m_unblock, m_init, m_keygen, m_csr, m_import, m_selfTest}) {
    b->setEnabled(false);
    actions->addWidget(b);
  }
  actions->addStretch();
  layout->addLayout(actions);

  connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this] { showDetails(); });
  connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
    selectFirstToken();
    showDetails();
  });
  connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] { selectFirstToken(); });
  connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] { showDetails(); });
  connect(m_changePin, &QPushButton::clicked, this,
          [this] { confirm(QStringLiteral("change-pin"), tr("Change the PIN of %1?")); });
  connect(m_unblock, &QPushButton::clicked, this, [this] {
    confirm(QStringLiteral("unblock"),
            tr("Unblock the user PIN of %1 with the security officer (SO) PIN?"));
  });
  connect(m_init, &QPushButton::clicked, this,
          [this] { confirmManagement(QStringLiteral("init")); });
  connect(m_keygen, &QPushButton::clicked, this,
          [this] { confirmManagement(QStringLiteral("keygen")); });
  connect(m_csr, &QPushButton::clicked, this, [this] { confirmManagement(QStringLiteral("csr")); });
  connect(m_import, &QPushButton::clicked, this,
          [this] { confirmManagement(QStringLiteral("import-cert")); });
  connect(m_selfTest, &QPushButton::clicked, this,
          [this] { confirmManagement(QStringLiteral("self-test")); });
  retranslateUi();
  showDetails();
}

void TokensTab::confirmManagement(const QString& action) {
  const int row = m_table->currentIndex().row();
  if (row < 0) return;
  const TokenSnapshot s = m_model->snapshot(row);
  auto* d = new TokenActionDialog(action, TokenListModel::tokenName(s), this);
  d->setAttribute(Qt::WA_DeleteOnClose);
  const QString reader = s.reader;
  connect(d, &QDialog::accepted, this,
          [this, d, action, reader] { emit managementConfirmed(action, reader, d->params()); });
  d->open();  // not exec(): no nested event loop
}

void TokensTab::confirm(const QString& action, const QString& question) {
  const int row = m_table->currentIndex().row();
  if (row < 0) return;
  const TokenSnapshot s = m_model->snapshot(row);
  auto* box = new QMessageBox(QMessageBox::Question, tr("Confirm"),
                              question.arg(TokenListModel::tokenName(s)),
                              QMessageBox::Yes | QMessageBox::No, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setDefaultButton(QMessageBox::No);
  const QString reader = s.reader;
  connect(box, &QMessageBox::finished, this, [this, box, action, reader](int) {
    if (box->clickedButton() == box->button(QMessageBox::Yes)) emit actionConfirmed(action, reader);
  });
  box->open();  // not exec(): no nested event loop
}

// Until the person chooses a row, the first reader with a token is shown (its details and
// certificates are what one opens the tab for).
void TokensTab::selectFirstToken() {
  if (m_table->currentIndex().isValid()) return;
  for (int r = 0; r < m_model->rowCount(); ++r)
    if (m_model->snapshot(r).present) {
      m_table->setCurrentIndex(m_model->index(r, 0));
      return;
    }
}

void TokensTab::showDetails() {
  const int row = m_table->currentIndex().row();
  const bool has = row >= 0 && row < m_model->rowCount() && m_model->snapshot(row).present;
  const bool initialized = has && m_model->snapshot(row).initialized;
  for (auto* b : {m_changePin, m_unblock, m_keygen, m_csr, m_import, m_selfTest})
    b->setEnabled(initialized && m_available);
  m_init->setEnabled(has && m_available);
  if (!has) {
    m_details->setHtml(QStringLiteral("<p>%1</p>")
                           .arg(m_model->rowCount() == 0
                                    ? tr("No reader found. Plug in a token.")
                                    : tr("Select a token to see its details.")));
    return;
  }
  const TokenSnapshot s = m_model->snapshot(row);
  QString html =
      QStringLiteral("<h3>%1</h3><table>").arg(TokenListModel::tokenName(s).toHtmlEscaped());
  auto rowHtml = [&](const QString& k, const QString& v) {
    html += QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>")
                .arg(k.toHtmlEscaped(), v.toHtmlEscaped());
  };
  rowHtml(tr("Reader"), s.reader);
  rowHtml(tr("Manufacturer"), s.manufacturer);
  rowHtml(tr("Model"), s.model);
  rowHtml(tr("Serial"), s.serial);
  rowHtml(tr("PIN"), TokenListModel::pinText(s));
  rowHtml(tr("PIN entry"), s.pinPad ? tr("on the reader's keypad") : tr("on the keyboard"));
  html += QStringLiteral("</table>");
  // Each certificate: whose it is, who issued it, until when (the chain's CA certificates last).
  if (s.certificates >= 0) {
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Certificates on the token").toHtmlEscaped());
    if (s.certs.isEmpty()) html += QStringLiteral("<p>%1</p>").arg(tr("None.").toHtmlEscaped());
    QList<TokenCertificate> ordered = s.certs;
    std::stable_sort(
        ordered.begin(), ordered.end(),
        [](const TokenCertificate& a, const TokenCertificate& b) { return !a.ca && b.ca; });
    const QDateTime now = QDateTime::currentDateTime();
    for (const TokenCertificate& c : ordered) {
      html += QStringLiteral("<p><b>%1</b>").arg(c.holder.toHtmlEscaped());
      if (!c.unit.isEmpty()) html += QStringLiteral(", %1").arg(c.unit.toHtmlEscaped());
      if (c.ca) html += QStringLiteral(" (%1)").arg(tr("certificate authority").toHtmlEscaped());
      html += QStringLiteral("<br>") + tr("Issued by: %1").arg(c.issuer).toHtmlEscaped();
      if (c.notAfter.isValid()) {
        const qint64 days = now.daysTo(c.notAfter);
        const QString until = c.notAfter.toString(QStringLiteral("dd/MM/yyyy"));
        const QString left =
            days < 0 ? tr("expired %1").arg(until)
                     : tr("valid until %1 (%n day(s) left)", nullptr, int(days)).arg(until);
        html +=
            QStringLiteral("<br>") +
            (days < 30
                 ? QStringLiteral("<span style='color:#b00000'>%1</span>").arg(left.toHtmlEscaped())
                 : left.toHtmlEscaped());
      }
      if (!c.id.isEmpty()) html += QStringLiteral("<br>CKA_ID %1").arg(c.id.toHtmlEscaped());
      html += QStringLiteral("</p>");
    }
  }
  m_details->setHtml(html);
}

void TokensTab::retranslateUi() {
  m_changePin->setText(tr("Change PIN…"));
  m_unblock->setText(tr("Unblock with SO PIN…"));
  m_init->setText(tr("Initialise…"));
  m_keygen->setText(tr("Generate key…"));
  m_csr->setText(tr("Certificate request…"));
  m_import->setText(tr("Import certificate…"));
  m_selfTest->setText(tr("Self-test…"));
  showDetails();
}

void TokensTab::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(e);
}

}  // namespace kyso::ui

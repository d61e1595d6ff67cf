#include "settings/helpdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace fp::ui {

HelpDialog::HelpDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("FlashPlan User Guide"));
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName("guideBrowser");
    m_browser->setOpenExternalLinks(true);
    m_browser->document()->setDocumentMargin(12);
    m_browser->setSource(guideUrl());

    auto* back = new QPushButton(tr("&Back"), this);
    back->setToolTip(tr("Go back to the place you were reading"));
    back->setEnabled(false);
    auto* contents = new QPushButton(tr("&Contents"), this);
    contents->setToolTip(tr("Go to the top of the guide and its contents"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setToolTip(tr("Close the guide"));
    connect(back, &QPushButton::clicked, m_browser, &QTextBrowser::backward);
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QPushButton::setEnabled);
    connect(contents, &QPushButton::clicked, this, [this] { showSection({}); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(back);
    bottom->addWidget(contents);
    bottom->addStretch(1);
    bottom->addWidget(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addLayout(bottom);
    resize(820, 720);
}

void HelpDialog::showSection(const QString& anchor)
{
    QUrl url = guideUrl();
    url.setFragment(anchor.isEmpty() ? QString() : anchor);
    m_browser->setSource(url);
    if (anchor.isEmpty())
        m_browser->scrollToAnchor(QStringLiteral("top"));
}

QUrl HelpDialog::guideUrl()
{
    const QString translated = QStringLiteral(":/help/guide_%1.html").arg(QLocale().name());
    if (QFile::exists(translated))
        return QUrl(QStringLiteral("qrc") + translated);
    return QUrl(QStringLiteral("qrc:/help/guide.html"));
}

} // namespace fp::ui

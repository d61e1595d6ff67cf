#include "settings/aboutdialog.h"

#include "store/sqlite.h"

#include <Eigen/Core>
#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fp::ui {

namespace {
constexpr auto kGuideLink = "guide";
constexpr int kIconSize = 64;
} // namespace

QString AboutDialog::versionsHtml()
{
    const QString eigen = QStringLiteral("%1.%2.%3")
                              .arg(EIGEN_WORLD_VERSION)
                              .arg(EIGEN_MAJOR_VERSION)
                              .arg(EIGEN_MINOR_VERSION);
    return QStringLiteral("<table cellspacing='2'>"
                          "<tr><td>Qt</td><td>%1</td></tr>"
                          "<tr><td>Eigen</td><td>%2</td></tr>"
                          "<tr><td>SQLite</td><td>%3</td></tr></table>")
        .arg(tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), QT_VERSION_STR), eigen,
             QString::fromStdString(sql::sqliteVersion()));
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About FlashPlan"));

    auto* text = new QLabel(this);
    text->setObjectName("aboutText");
    text->setTextFormat(Qt::RichText);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction); // versions can be copied
    text->setWordWrap(true);
    text->setText(tr("<h2>FlashPlan %1</h2>"
                     "<p>Plan flash-sale discounts from your sales history.</p>")
                      .arg(QApplication::applicationVersion().toHtmlEscaped()) +
                  versionsHtml() +
                  tr("<p>Released under the MIT licence.</p>"
                     "<p>New here? Read the <a href=\"%1\">User Guide</a> (F1).</p>")
                      .arg(QString::fromLatin1(kGuideLink)));
    connect(text, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link == QLatin1String(kGuideLink)) {
            emit guideRequested();
            accept();
        }
    });

    auto* top = new QHBoxLayout;
    const QIcon icon = QApplication::windowIcon();
    if (!icon.isNull()) {
        auto* picture = new QLabel(this);
        picture->setPixmap(icon.pixmap(kIconSize, kIconSize));
        picture->setAlignment(Qt::AlignTop);
        top->addWidget(picture);
    }
    top->addWidget(text, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setToolTip(tr("Close this window"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
}

} // namespace fp::ui

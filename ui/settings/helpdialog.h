#pragma once

#include <QDialog>
#include <QUrl>

class QTextBrowser;

namespace fp::ui {

// The user guide (resources/help/guide.html, built into the program) in a browser with Back and
// Contents. Links to other sites open in the desktop's web browser.
class HelpDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit HelpDialog(QWidget* parent = nullptr);

    // Scrolls to a section of the guide by its anchor ("shortcuts"); empty = the top.
    void showSection(const QString& anchor);
    QTextBrowser* browser() const { return m_browser; }

    // The guide in the language of the window when it is translated, else the English one.
    static QUrl guideUrl();

private:
    QTextBrowser* m_browser = nullptr;
};

} // namespace fp::ui

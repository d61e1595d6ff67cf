#pragma once

#include <QDialog>

namespace fp::ui {

// About FlashPlan: its version, the versions of Qt (at run time and at build time), Eigen and
// SQLite it runs with, its licence and a link to the user guide.
class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    static QString versionsHtml(); // the library versions, as shown in the dialog

signals:
    void guideRequested(); // the user followed the link to the guide
};

} // namespace fp::ui

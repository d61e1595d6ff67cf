// flashplan: the desktop application.
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName("FlashPlan");
    QApplication::setOrganizationName("FlashPlan");
    QApplication::setApplicationVersion(PROJECT_VERSION_STRING);

    QCommandLineParser parser;
    parser.setApplicationDescription("Plan flash-sale discounts from your sales history.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("project", "A .flashplan project file to open.");
    parser.process(app);

    fp::ui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().constFirst());
    return QApplication::exec();
}

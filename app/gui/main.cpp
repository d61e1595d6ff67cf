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
    const QCommandLineOption demo(
        "demo", "Open a fresh copy of the demo project (imported, with a trained model).");
    parser.addOption(demo);
    parser.process(app);

    fp::ui::MainWindow window;
    window.show();
    if (parser.isSet(demo))
        window.openDemo();
    else if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().constFirst());
    return QApplication::exec();
}

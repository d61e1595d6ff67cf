// flashplan: the desktop application.
#include "appsettings.h"
#include "apptheme.h"
#include "mainwindow.h"
#include "translation.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    // Settings live in ~/.config/FlashPlan/FlashPlan.conf on Linux.
    QApplication::setApplicationName("FlashPlan");
    QApplication::setOrganizationName("FlashPlan");
    QApplication::setApplicationVersion(PROJECT_VERSION_STRING);
    QGuiApplication::setDesktopFileName("io.github.flashplan.FlashPlan"); // icon on Wayland
    QApplication::setWindowIcon(fp::ui::applicationIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription("Plan flash-sale discounts from your sales history.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("project", "A .flashplan project file to open.");
    const QCommandLineOption demo(
        "demo", "Open a fresh copy of the demo project (imported, with a trained model).");
    parser.addOption(demo);
    const QCommandLineOption settingsFile(
        "settings", "Read and write the settings in this INI file instead of the usual place.",
        "file");
    parser.addOption(settingsFile);
    parser.process(app);
    if (parser.isSet(settingsFile))
        fp::ui::AppSettings::useFile(parser.value(settingsFile));
    // Before any window exists: widgets take their texts when they are made.
    fp::ui::applyLanguageSetting();
    fp::ui::followThemeSetting();

    fp::ui::MainWindow window;
    window.show();
    if (parser.isSet(demo))
        window.openDemo();
    else if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().constFirst());
    return QApplication::exec();
}

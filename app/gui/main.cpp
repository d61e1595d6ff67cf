// flashplan: the desktop application.
#include "base/civildate.h"
#include "planner/plannerview.h"
#include "settings/appsettings.h"
#include "settings/apptheme.h"
#include "settings/translation.h"
#include "shell/mainwindow.h"
#include "shell/workerpool.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDate>
#include <QTabWidget>
#include <algorithm>
#include <cstdio>

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
    const QCommandLineOption campaign(
        "campaign", "With a project: open the planner on this campaign.csv (needs --start).",
        "campaign.csv");
    const QCommandLineOption start("start", "The campaign's first day (YYYY-MM-DD).", "date");
    const QCommandLineOption days("days", "The campaign's length in days (default 3).", "days",
                                  "3");
    parser.addOptions({campaign, start, days});
    parser.process(app);
    const QDate startDate = QDate::fromString(parser.value(start), Qt::ISODate);
    if (parser.isSet(campaign) && !startDate.isValid()) {
        std::fprintf(stderr, "flashplan: --campaign needs --start YYYY-MM-DD\n");
        return 2;
    }
    if (parser.isSet(settingsFile))
        fp::ui::AppSettings::useFile(parser.value(settingsFile));
    // Before any window exists: widgets take their texts when they are made.
    fp::ui::applyLanguageSetting();
    fp::ui::followThemeSetting();

    int exitCode = 0;
    {
        fp::ui::MainWindow window;
        window.show();
        if (parser.isSet(demo))
            window.openDemo();
        else if (!parser.positionalArguments().isEmpty()) {
            if (parser.isSet(campaign))
                window.plannerView()->setPendingCampaign(
                    parser.value(campaign),
                    fp::daysFromCivil(startDate.year(), startDate.month(), startDate.day()),
                    std::clamp(parser.value(days).toInt(), 1, 60));
            window.openProject(parser.positionalArguments().constFirst());
            if (parser.isSet(campaign))
                window.tabs()->setCurrentWidget(window.plannerView());
        }
        exitCode = QApplication::exec();
    }
    // The window is gone and its jobs cancelled without waiting for their work: wait for it now
    // (bounded), before the application object and the statics go.
    fp::ui::WorkerPool::stopAll(exitCode);
    return exitCode;
}

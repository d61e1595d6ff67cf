// AppSettings over a temporary INI file: every value survives a restart, bad stored values fall
// back to their defaults, changes are announced; the light/dark theme reaches the palette and the
// charts.
#include "charts/charttheme.h"
#include "settings/appsettings.h"
#include "settings/apptheme.h"
#include "support/tempdir.h"

#include <QApplication>
#include <QChart>
#include <QDir>
#include <QLineSeries>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTest>
#include <memory>

using fp::plan::Objective;
using fp::ui::AppSettings;
using fp::ui::ColorTheme;
using fp::ui::DisplaySettings;
using fp::ui::ImportChoices;
using fp::ui::PlannerDefaults;
using fp::ui::SettingsNotifier;

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

class TestAppSettings : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<fp::test::TempDir> m_dir;
    QString m_ini;

    // A settings file with exactly this text, as if written by hand or by an older version.
    void writeIni(const std::string& text) { m_ini = qs(m_dir->write("stored.ini", text)); }
    QString touch(const std::string& name) { return qs(m_dir->write(name, "x")); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_dir = std::make_unique<fp::test::TempDir>();
        m_ini = qs(m_dir->file("settings.ini"));
        AppSettings::useFile(m_ini);
    }
    void cleanup()
    {
        AppSettings::useFile({});
        m_dir.reset();
    }

    void everyValueSurvivesARestart()
    {
        const QString first = touch("first.flashplan");
        const QString second = touch("second.flashplan");
        PlannerDefaults planner;
        planner.minDiscount = 0.1;
        planner.maxDiscount = 0.55;
        planner.ladderStep = 0.025;
        planner.objective = Objective::Blend;
        planner.blendWeight = 1.5;
        DisplaySettings display;
        display.currencySymbol = QStringLiteral("¥");
        display.unitsLabel = QStringLiteral("pairs");
        display.theme = ColorTheme::Dark;
        ImportChoices import;
        import.delimiter = QStringLiteral("semicolon");
        import.onDuplicate = QStringLiteral("sum");
        const QByteArray geometry("\x01\x02geometry\xff", 11);
        const QByteArray state("\x00state\x7f", 7);
        {
            AppSettings settings(m_ini);
            settings.addRecentProject(first);
            settings.addRecentProject(second);
            settings.setPlannerDefaults(planner);
            settings.setDisplay(display);
            settings.setImportChoices(import);
            settings.setWindowLayout(geometry, state);
            settings.setLanguage(QStringLiteral("zh_CN"));
        } // destroyed: written to the file

        const AppSettings restarted(m_ini);
        QCOMPARE(restarted.fileName(), m_ini);
        QCOMPARE(restarted.recentProjects(), QStringList({second, first}));
        QVERIFY(restarted.plannerDefaults() == planner);
        QVERIFY(restarted.display() == display);
        QVERIFY(restarted.importChoices() == import);
        QCOMPARE(restarted.windowGeometry(), geometry);
        QCOMPARE(restarted.windowState(), state);
        QCOMPARE(restarted.language(), QStringLiteral("zh_CN"));
    }

    void aFreshFileGivesTheDefaults()
    {
        const AppSettings settings(m_ini);
        const PlannerDefaults planner = settings.plannerDefaults();
        QCOMPARE(planner.minDiscount, 0.0);
        QCOMPARE(planner.maxDiscount, 0.7);
        QCOMPARE(planner.ladderStep, 0.05);
        QVERIFY(planner.objective == Objective::Revenue);
        QCOMPARE(planner.blendWeight, 0.5);
        QVERIFY(settings.display() == AppSettings::defaultDisplay());
        QCOMPARE(settings.display().unitsLabel, QStringLiteral("units"));
        QVERIFY(settings.display().theme == ColorTheme::System);
        QVERIFY(settings.importChoices() == ImportChoices());
        QVERIFY(settings.recentProjects().isEmpty());
        QVERIFY(settings.windowGeometry().isEmpty());
        QCOMPARE(settings.language(), QString());
    }

    void defaultConstructedSettingsUseTheChosenFile()
    {
        AppSettings().setLanguage(QStringLiteral("en"));
        QCOMPARE(AppSettings().fileName(), m_ini);
        QCOMPARE(AppSettings(m_ini).language(), QStringLiteral("en"));
    }

    void recentProjectsAreMostRecentFirstAndCapped()
    {
        AppSettings settings(m_ini);
        QStringList paths;
        for (int i = 0; i < 10; ++i) {
            paths.append(touch("p" + std::to_string(i) + ".flashplan"));
            settings.addRecentProject(paths.last());
        }
        settings.addRecentProject(paths[5]); // opened again: moves to the top, listed once
        const QStringList recent = settings.recentProjects();
        QCOMPARE(recent.size(), AppSettings::kMaxRecentProjects);
        QCOMPARE(recent, QStringList({paths[5], paths[9], paths[8], paths[7], paths[6], paths[4],
                                      paths[3], paths[2]}));
    }

    void recentProjectsLeaveOutMissingFiles()
    {
        AppSettings settings(m_ini);
        const QString kept = touch("kept.flashplan");
        const QString removed = touch("removed.flashplan");
        settings.addRecentProject(kept);
        settings.addRecentProject(removed);
        QVERIFY(QFile::remove(removed));
        QCOMPARE(settings.recentProjects(), QStringList({kept}));
    }

    void chartExportFolderIsRememberedWhileItExists()
    {
        AppSettings settings(m_ini);
        const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        QCOMPARE(settings.chartExportFolder(), pictures);
        const QString folder = qs(m_dir->file("charts"));
        QVERIFY(QDir().mkpath(folder));
        settings.setChartExportFolder(folder);
        QCOMPARE(AppSettings(m_ini).chartExportFolder(), folder);
        QVERIFY(QDir(folder).removeRecursively());
        QCOMPARE(AppSettings(m_ini).chartExportFolder(), pictures);
    }

    void invalidStoredValuesFallBackToTheDefaults_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::newRow("min above max")
            << QByteArray("[planner]\nminDiscount=0.8\nmaxDiscount=0.5\n");
        QTest::newRow("max above the deepest discount")
            << QByteArray("[planner]\nmaxDiscount=1.5\n");
        QTest::newRow("negative min") << QByteArray("[planner]\nminDiscount=-0.1\n");
        QTest::newRow("step zero") << QByteArray("[planner]\nladderStep=0\n");
        QTest::newRow("step negative") << QByteArray("[planner]\nladderStep=-0.05\n");
        QTest::newRow("not numbers") << QByteArray("[planner]\nminDiscount=abc\nmaxDiscount=\n"
                                                   "ladderStep=nan\nblendWeight=inf\n");
        QTest::newRow("unknown objective") << QByteArray("[planner]\nobjective=greed\n");
        QTest::newRow("negative blend weight") << QByteArray("[planner]\nblendWeight=-1\n");
        QTest::newRow("unknown theme and empty units")
            << QByteArray("[display]\ntheme=purple\nunitsLabel=\"  \"\n");
        QTest::newRow("currency too long") << QByteArray("[display]\ncurrencySymbol=dollars!!!\n");
        QTest::newRow("unknown import choices")
            << QByteArray("[import]\ndelimiter=pipe\nonDuplicate=merge\n");
        QTest::newRow("unknown language") << QByteArray("[General]\nlanguage=xx_YY\n");
    }
    void invalidStoredValuesFallBackToTheDefaults()
    {
        QFETCH(QByteArray, ini);
        writeIni(ini.toStdString());
        const AppSettings settings(m_ini);
        QVERIFY(settings.plannerDefaults() == PlannerDefaults());
        QVERIFY(settings.display() == AppSettings::defaultDisplay());
        QVERIFY(settings.importChoices() == ImportChoices());
        QCOMPARE(settings.language(), QString());
    }

    void validHandWrittenValuesAreKept()
    {
        writeIni("[planner]\nminDiscount=0.15\nmaxDiscount=0.15\nladderStep=0.01\n"
                 "objective=profit\n[display]\ncurrencySymbol=\nunitsLabel=pcs\ntheme=light\n");
        const AppSettings settings(m_ini);
        const PlannerDefaults planner = settings.plannerDefaults();
        QCOMPARE(planner.minDiscount, 0.15);
        QCOMPARE(planner.maxDiscount, 0.15);
        QCOMPARE(planner.ladderStep, 0.01);
        QVERIFY(planner.objective == Objective::Profit);
        QCOMPARE(settings.display().currencySymbol, QString()); // empty is a choice: no symbol
        QCOMPARE(settings.display().unitsLabel, QStringLiteral("pcs"));
        QVERIFY(settings.display().theme == ColorTheme::Light);
    }

    void changesAreAnnouncedOnce()
    {
        QSignalSpy planner(SettingsNotifier::instance(), &SettingsNotifier::plannerDefaultsChanged);
        QSignalSpy display(SettingsNotifier::instance(), &SettingsNotifier::displayChanged);
        QSignalSpy language(SettingsNotifier::instance(), &SettingsNotifier::languageChanged);
        AppSettings settings(m_ini);
        PlannerDefaults defaults;
        defaults.ladderStep = 0.1;
        settings.setPlannerDefaults(defaults);
        settings.setPlannerDefaults(defaults); // the same again: nothing changed
        DisplaySettings shown = settings.display();
        shown.unitsLabel = QStringLiteral("boxes");
        settings.setDisplay(shown);
        settings.setLanguage(QString()); // already the default
        QCOMPARE(planner.count(), 1);
        QCOMPARE(display.count(), 1);
        QCOMPARE(language.count(), 0);
        settings.setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(language.count(), 1);
    }

    void darkThemeGivesADarkFusionPaletteAndSystemGivesItBack()
    {
        const QColor systemWindow = QApplication::palette().color(QPalette::Window);
        fp::ui::applyColorTheme(ColorTheme::Dark);
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 200);
        QVERIFY(fp::ui::isDarkTheme(ColorTheme::Dark));
        fp::ui::applyColorTheme(ColorTheme::Light);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        QVERIFY(!fp::ui::isDarkTheme(ColorTheme::Light));
        fp::ui::applyColorTheme(ColorTheme::System);
        QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
    }

    void chartsFollowTheThemeAndKeepTheirColours()
    {
        AppSettings settings(m_ini);
        DisplaySettings display = settings.display();
        display.theme = ColorTheme::Light;
        settings.setDisplay(display);

        QChart chart;
        const QColor blue(31, 119, 180);
        const QColor ink(60, 60, 60);
        auto* data = new QLineSeries(&chart);
        data->setPen(QPen(blue, 2));
        auto* reference = new QLineSeries(&chart);
        reference->setPen(QPen(ink, 1.4, Qt::DashLine));
        chart.addSeries(data);
        chart.addSeries(reference);
        fp::ui::applyChartTheme(&chart);
        QCOMPARE(chart.theme(), QChart::ChartThemeLight);

        display.theme = ColorTheme::Dark;
        settings.setDisplay(display);
        QCOMPARE(chart.theme(), QChart::ChartThemeDark);
        QCOMPARE(data->pen().color(), blue);                       // a series' own colour stays
        QCOMPARE(reference->pen().color(), QColor(195, 195, 195)); // grey ink turns light
        QCOMPARE(reference->pen().style(), Qt::DashLine);

        display.theme = ColorTheme::Light;
        settings.setDisplay(display);
        QCOMPARE(chart.theme(), QChart::ChartThemeLight);
        QCOMPARE(data->pen().color(), blue);
        QCOMPARE(reference->pen().color(), ink);
    }
};

QTEST_MAIN(TestAppSettings)
#include "test_appsettings.moc"

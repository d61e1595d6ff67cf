// The Preferences dialog, the Help menu (guide, shortcuts, About) and the main window's layout,
// all over a temporary settings file.
#include "settings/aboutdialog.h"
#include "settings/appsettings.h"
#include "settings/apptheme.h"
#include "settings/helpdialog.h"
#include "settings/preferencesdialog.h"
#include "settings/shortcutsdialog.h"
#include "shell/mainwindow.h"
#include "shell/projectcontroller.h"
#include "support/tempdir.h"

#include <Eigen/Core>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <memory>
#include <sqlite3.h>

using fp::plan::Objective;
using fp::ui::AppSettings;
using fp::ui::ColorTheme;
using fp::ui::DisplaySettings;
using fp::ui::MainWindow;
using fp::ui::PlannerDefaults;
using fp::ui::PreferencesDialog;
using fp::ui::SettingsNotifier;

namespace {

template <typename T> T* child(const QObject& parent, const char* name)
{
    T* found = parent.findChild<T*>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

void choose(QComboBox* combo, const QVariant& data)
{
    const int index = combo->findData(data);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

// The row of the shortcuts table for a command, as "menu|command|keys".
QString shortcutRow(const QTableWidget& table, const QString& command)
{
    for (int r = 0; r < table.rowCount(); ++r)
        if (table.item(r, 1)->text() == command)
            return table.item(r, 0)->text() + "|" + command + "|" + table.item(r, 2)->text();
    return {};
}

} // namespace

class TestPreferences : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<fp::test::TempDir> m_dir;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_dir = std::make_unique<fp::test::TempDir>();
        AppSettings::useFile(QString::fromStdString(m_dir->file("settings.ini")));
    }
    void cleanup()
    {
        AppSettings::useFile({});
        m_dir.reset();
    }

    void dialogShowsTheStoredValues()
    {
        PlannerDefaults stored;
        stored.minDiscount = 0.2;
        stored.maxDiscount = 0.5;
        stored.objective = Objective::Profit;
        AppSettings().setPlannerDefaults(stored);
        const PreferencesDialog dialog;
        QCOMPARE(child<QDoubleSpinBox>(dialog, "minDiscount")->value(), 20.0);
        QCOMPARE(child<QDoubleSpinBox>(dialog, "maxDiscount")->value(), 50.0);
        QCOMPARE(child<QComboBox>(dialog, "objective")->currentData().toString(),
                 QStringLiteral("profit"));
        QVERIFY(!child<QDoubleSpinBox>(dialog, "blendWeight")->isEnabled()); // not a blend
    }

    void changedControlsAreStoredOnOk()
    {
        QSignalSpy planner(SettingsNotifier::instance(), &SettingsNotifier::plannerDefaultsChanged);
        QSignalSpy display(SettingsNotifier::instance(), &SettingsNotifier::displayChanged);
        PreferencesDialog dialog;
        child<QDoubleSpinBox>(dialog, "maxDiscount")->setValue(60);
        child<QDoubleSpinBox>(dialog, "minDiscount")->setValue(10);
        child<QDoubleSpinBox>(dialog, "ladderStep")->setValue(2.5);
        choose(child<QComboBox>(dialog, "objective"), QStringLiteral("blend"));
        QVERIFY(child<QDoubleSpinBox>(dialog, "blendWeight")->isEnabled());
        child<QDoubleSpinBox>(dialog, "blendWeight")->setValue(1.25);
        child<QLineEdit>(dialog, "currencySymbol")->setText(QStringLiteral("€"));
        child<QLineEdit>(dialog, "unitsLabel")->setText(QStringLiteral("pairs"));
        choose(child<QComboBox>(dialog, "theme"), QStringLiteral("dark"));
        choose(child<QComboBox>(dialog, "language"), QStringLiteral("zh_CN"));
        QCOMPARE(AppSettings().plannerDefaults().maxDiscount, 0.7); // nothing stored before OK

        dialog.accept();
        const AppSettings settings;
        const PlannerDefaults stored = settings.plannerDefaults();
        QCOMPARE(stored.minDiscount, 0.1);
        QCOMPARE(stored.maxDiscount, 0.6);
        QCOMPARE(stored.ladderStep, 0.025);
        QVERIFY(stored.objective == Objective::Blend);
        QCOMPARE(stored.blendWeight, 1.25);
        QCOMPARE(settings.display().currencySymbol, QStringLiteral("€"));
        QCOMPARE(settings.display().unitsLabel, QStringLiteral("pairs"));
        QVERIFY(settings.display().theme == ColorTheme::Dark);
        QCOMPARE(settings.language(), QStringLiteral("zh_CN"));
        QCOMPARE(planner.count(), 1);
        QCOMPARE(display.count(), 1);
    }

    void cancelStoresNothing()
    {
        PreferencesDialog dialog;
        child<QDoubleSpinBox>(dialog, "ladderStep")->setValue(10);
        child<QLineEdit>(dialog, "unitsLabel")->setText(QStringLiteral("boxes"));
        dialog.reject();
        QCOMPARE(AppSettings().plannerDefaults().ladderStep, 0.05);
        QCOMPARE(AppSettings().display().unitsLabel, QStringLiteral("units"));
    }

    void theLowestDiscountCannotPassTheDeepest()
    {
        PreferencesDialog dialog;
        child<QDoubleSpinBox>(dialog, "maxDiscount")->setValue(30);
        child<QDoubleSpinBox>(dialog, "minDiscount")->setValue(50);
        QCOMPARE(child<QDoubleSpinBox>(dialog, "minDiscount")->value(), 30.0);
        child<QDoubleSpinBox>(dialog, "maxDiscount")->setValue(20);
        QCOMPARE(child<QDoubleSpinBox>(dialog, "maxDiscount")->value(), 30.0);
    }

    void restoreDefaultsResetsTheControls()
    {
        PlannerDefaults changed;
        changed.minDiscount = 0.3;
        changed.maxDiscount = 0.9;
        changed.ladderStep = 0.1;
        changed.objective = Objective::Blend;
        changed.blendWeight = 3;
        AppSettings settings;
        settings.setPlannerDefaults(changed);
        settings.setDisplay({QStringLiteral("kr"), QStringLiteral("pcs"), ColorTheme::Light});
        settings.setLanguage(QStringLiteral("en"));

        PreferencesDialog dialog;
        QCOMPARE(child<QDoubleSpinBox>(dialog, "minDiscount")->value(), 30.0);
        QTest::mouseClick(child<QPushButton>(dialog, "restoreDefaultsButton"), Qt::LeftButton);
        QCOMPARE(child<QDoubleSpinBox>(dialog, "minDiscount")->value(), 0.0);
        QCOMPARE(child<QDoubleSpinBox>(dialog, "maxDiscount")->value(), 70.0);
        QCOMPARE(child<QDoubleSpinBox>(dialog, "ladderStep")->value(), 5.0);
        QCOMPARE(child<QComboBox>(dialog, "objective")->currentData().toString(),
                 QStringLiteral("revenue"));
        QCOMPARE(child<QLineEdit>(dialog, "unitsLabel")->text(), QStringLiteral("units"));
        QCOMPARE(child<QComboBox>(dialog, "theme")->currentData().toString(),
                 QStringLiteral("system"));
        QCOMPARE(child<QComboBox>(dialog, "language")->currentData().toString(), QString());
        QVERIFY(AppSettings().plannerDefaults() == changed); // shown, not stored yet

        dialog.accept();
        QVERIFY(AppSettings().plannerDefaults() == PlannerDefaults());
        QVERIFY(AppSettings().display() == AppSettings::defaultDisplay());
        QCOMPARE(AppSettings().language(), QString());
    }

    void everyControlHasATooltip()
    {
        const PreferencesDialog dialog;
        int controls = 0;
        for (QWidget* w : dialog.findChildren<QWidget*>()) {
            if (!qobject_cast<QAbstractSpinBox*>(w) && !qobject_cast<QComboBox*>(w) &&
                !qobject_cast<QLineEdit*>(w) && !qobject_cast<QAbstractButton*>(w))
                continue;
            if (qobject_cast<QLineEdit*>(w) && qobject_cast<QAbstractSpinBox*>(w->parent()))
                continue; // a spin box's own editor
            ++controls;
            QVERIFY2(!w->toolTip().isEmpty(),
                     qPrintable(w->objectName() + " " + w->metaObject()->className()));
        }
        QCOMPARE(controls, 12); // 9 fields and 3 buttons
    }

    void helpMenuHasTheGuideShortcutsAndAbout()
    {
        MainWindow window;
        auto* guide = child<QAction>(window, "userGuideAction");
        QCOMPARE(guide->shortcut(), QKeySequence(Qt::Key_F1));
        QVERIFY(!child<QAction>(window, "preferencesAction")->shortcut().isEmpty());
        child<QAction>(window, "shortcutsAction");
        child<QAction>(window, "aboutAction");

        guide->trigger();
        auto* help = window.findChild<fp::ui::HelpDialog*>();
        QVERIFY(help && help->isVisible());
        const QString text = help->browser()->toPlainText();
        QVERIFY(text.contains("FlashPlan User Guide"));
        QVERIFY(text.contains("WAPE"));
        QVERIFY(text.contains("The 80% band"));
        QVERIFY(text.contains("limited by"));
        QVERIFY(text.contains("Keyboard shortcuts"));
        QVERIFY(text.contains("expected_units"));
    }

    void everyMenuCommandHasAStatusTip()
    {
        MainWindow window;
        int commands = 0;
        // The File, Edit, Model and Help menus; the planner's menus are tested with the planner.
        const QStringList menus{"&File", "&Edit", "&Model", "&Help"};
        for (QAction* top : window.menuBar()->actions()) {
            if (!menus.contains(top->text()))
                continue;
            for (QAction* action : top->menu()->actions()) {
                if (action->isSeparator())
                    continue;
                ++commands;
                QVERIFY2(!action->statusTip().isEmpty(), qPrintable(action->text()));
            }
        }
        QVERIFY(commands >= 11); // 6 in File, 1 in Edit and Model, 3 in Help
    }

    void guideLinksLeadToItsSections()
    {
        QFile file(fp::ui::HelpDialog::guideUrl().path().prepend(':'));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        QStringList anchors;
        for (const auto& m : QRegularExpression("<a name=\"([^\"]+)\"").globalMatch(html))
            anchors.append(m.captured(1));
        int links = 0;
        for (const auto& m : QRegularExpression("href=\"#([^\"]+)\"").globalMatch(html)) {
            ++links;
            QVERIFY2(anchors.contains(m.captured(1)), qPrintable(m.captured(1)));
        }
        QVERIFY(links >= 10);
        for (const char* section : {"import", "train", "plan", "export", "shortcuts", "formats"})
            QVERIFY2(anchors.contains(section), section);
    }

    void shortcutsListComesFromTheMenus()
    {
        MainWindow window;
        child<QAction>(window, "shortcutsAction")->trigger();
        auto* dialog = window.findChild<fp::ui::ShortcutsDialog*>();
        QVERIFY(dialog);
        const QTableWidget& table = *dialog->table();
        QCOMPARE(shortcutRow(table, "User Guide"), QStringLiteral("Help|User Guide|F1"));
        QCOMPARE(shortcutRow(table, "Import Sales CSV"),
                 QStringLiteral("File|Import Sales CSV|") +
                     QKeySequence(QStringLiteral("Ctrl+I")).toString(QKeySequence::NativeText));
        QVERIFY(shortcutRow(table, "Open Demo Project").isEmpty()); // it has no shortcut
    }

    void aboutShowsTheLibraryVersions()
    {
        const fp::ui::AboutDialog dialog;
        const QString text = child<QLabel>(dialog, "aboutText")->text();
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QStringLiteral(QT_VERSION_STR)));
        const QString eigen = QStringLiteral("%1.%2.%3")
                                  .arg(EIGEN_WORLD_VERSION)
                                  .arg(EIGEN_MAJOR_VERSION)
                                  .arg(EIGEN_MINOR_VERSION);
        QVERIFY2(text.contains("Eigen</td><td>" + eigen), qPrintable(text));
        QVERIFY2(text.contains("SQLite</td><td>" + QString::fromLatin1(sqlite3_libversion())),
                 qPrintable(text));
        QVERIFY(text.contains("MIT"));

        QSignalSpy guide(&dialog, &fp::ui::AboutDialog::guideRequested);
        emit child<QLabel>(dialog, "aboutText")->linkActivated(QStringLiteral("guide"));
        QCOMPARE(guide.count(), 1);
    }

    void theApplicationIconIsBuiltIn()
    {
        for (const int size : {16, 32, 64, 256, 512})
            QVERIFY(QFile::exists(
                QStringLiteral(":/icons/%1x%1/apps/io.github.flashplan.FlashPlan.png").arg(size)));
        const QIcon icon = fp::ui::applicationIcon();
        QVERIFY(!icon.isNull());
        QCOMPARE(icon.pixmap(QSize(64, 64)).size(), QSize(64, 64));
    }

    void windowLayoutSurvivesARestart()
    {
        QSize size;
        int dockWidth = 0;
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto* dock = child<QDockWidget>(window, "productsDock");
            window.addDockWidget(Qt::RightDockWidgetArea, dock);
            // Sizes the window's minimum allows, away from its defaults.
            size = window.minimumSizeHint() + QSize(300, 120);
            window.resize(size);
            dockWidth = dock->minimumSizeHint().width() + 150;
            window.resizeDocks({dock}, {dockWidth}, Qt::Horizontal);
            QTRY_COMPARE(dock->width(), dockWidth);
            QCOMPARE(window.size(), size);
            window.close();
        }
        MainWindow restarted;
        restarted.show();
        QVERIFY(QTest::qWaitForWindowExposed(&restarted));
        auto* dock = child<QDockWidget>(restarted, "productsDock");
        QCOMPARE(restarted.size(), size);
        QCOMPARE(restarted.dockWidgetArea(dock), Qt::RightDockWidgetArea);
        QTRY_COMPARE(dock->width(), dockWidth);
    }

    void openedProjectsBecomeRecent()
    {
        MainWindow window;
        const QString path = QString::fromStdString(m_dir->file("shop.flashplan"));
        QString error;
        QVERIFY2(window.controller()->openProject(path, true, &error), qPrintable(error));
        QTRY_COMPARE(AppSettings().recentProjects(), QStringList({path}));
    }
};

QTEST_MAIN(TestPreferences)
#include "test_preferences.moc"

// The translations: the language is chosen from the preference or the system, numbers and dates
// follow it, and in Simplified Chinese the main window shows no untranslated text. The window is
// the real one, on the demo project with a trained model and an optimized campaign, so that every
// view shows its tables, charts and messages; every text it shows is collected and checked.
#include "import/importdialog.h"
#include "planner/plannerdocument.h"
#include "planner/plannerview.h"
#include "planner/plantableview.h"
#include "products/productstablemodel.h"
#include "products/productsview.h"
#include "settings/aboutdialog.h"
#include "settings/appsettings.h"
#include "settings/helpdialog.h"
#include "settings/preferencesdialog.h"
#include "settings/problemtext.h"
#include "settings/shortcutsdialog.h"
#include "settings/translation.h"
#include "shell/job.h"
#include "shell/mainwindow.h"
#include "shell/projectcontroller.h"
#include "support/tempdir.h"
#include "synth/demoproject.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLegendMarker>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <algorithm>

using namespace fp;

namespace {

// A text the user can see, and where it is.
struct ShownText
{
    QString where;
    QString text;
};

// Collects every text a widget tree shows: labels, buttons, group and tab titles, combo items,
// placeholders, spin box affixes, tooltips and status tips, table headers and the first cells,
// chart titles, axes and legends, window titles, and the menus with their actions.
class TextCollector
{
public:
    void addWidgetTree(QWidget* root)
    {
        addWidget(root);
        const QList<QWidget*> children = root->findChildren<QWidget*>();
        for (QWidget* widget : children)
            addWidget(widget);
    }

    void addMenuBar(QMenuBar* bar)
    {
        for (QAction* action : bar->actions())
            addAction(action, QStringLiteral("menu"));
    }

    const QList<ShownText>& texts() const { return m_texts; }

private:
    void add(const QString& where, QString text)
    {
        if (Qt::mightBeRichText(text))
            text = QTextDocumentFragment::fromHtml(text).toPlainText();
        if (!text.trimmed().isEmpty())
            m_texts.append({where, text});
    }

    void addAction(QAction* action, const QString& where)
    {
        const QString here = where + " > " + action->text();
        add(here, action->text());
        add(here + " (tooltip)", action->toolTip());
        add(here + " (status tip)", action->statusTip());
        if (QMenu* menu = action->menu()) {
            emit menu->aboutToShow(); // menus filled on demand (Open Recent) fill now
            for (QAction* item : menu->actions())
                addAction(item, here);
        }
    }

    void addModel(QAbstractItemModel* model, const QString& where)
    {
        constexpr int kRowsChecked = 5;
        for (int column = 0; column < model->columnCount(); ++column) {
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                add(where + " header", model->headerData(column, Qt::Horizontal, role).toString());
            for (int row = 0; row < std::min(model->rowCount(), kRowsChecked); ++row)
                for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
                    const QVariant value = model->index(row, column).data(role);
                    if (value.typeId() == QMetaType::QString)
                        add(where + " cell", value.toString());
                }
        }
    }

    void addChart(QChart* chart, const QString& where)
    {
        add(where + " title", chart->title());
        for (QAbstractAxis* axis : chart->axes())
            add(where + " axis", axis->titleText());
        for (QAbstractSeries* series : chart->series())
            add(where + " series", series->name());
        for (QLegendMarker* marker : chart->legend()->markers())
            add(where + " legend", marker->label());
    }

    void addWidget(QWidget* widget)
    {
        const QString where =
            QString::fromLatin1(widget->metaObject()->className()) + " " + widget->objectName();
        if (widget->isWindow() || qobject_cast<QDockWidget*>(widget))
            add(where + " title", widget->windowTitle());
        add(where + " tooltip", widget->toolTip());
        add(where + " status tip", widget->statusTip());
        for (QAction* action : widget->actions())
            addAction(action, where);
        if (auto* label = qobject_cast<QLabel*>(widget))
            add(where, label->text());
        if (auto* button = qobject_cast<QAbstractButton*>(widget))
            add(where, button->text());
        if (auto* group = qobject_cast<QGroupBox*>(widget))
            add(where, group->title());
        if (auto* tabs = qobject_cast<QTabWidget*>(widget))
            for (int i = 0; i < tabs->count(); ++i) {
                add(where + " tab", tabs->tabText(i));
                add(where + " tab tooltip", tabs->tabToolTip(i));
            }
        if (auto* combo = qobject_cast<QComboBox*>(widget))
            for (int i = 0; i < combo->count(); ++i) {
                add(where + " item", combo->itemText(i));
                add(where + " item tooltip", combo->itemData(i, Qt::ToolTipRole).toString());
            }
        if (auto* edit = qobject_cast<QLineEdit*>(widget))
            add(where + " placeholder", edit->placeholderText());
        if (auto* spin = qobject_cast<QSpinBox*>(widget)) {
            add(where + " prefix", spin->prefix());
            add(where + " suffix", spin->suffix());
        }
        if (auto* spin = qobject_cast<QDoubleSpinBox*>(widget)) {
            add(where + " prefix", spin->prefix());
            add(where + " suffix", spin->suffix());
        }
        if (auto* spin = qobject_cast<QAbstractSpinBox*>(widget))
            add(where + " special value", spin->specialValueText());
        if (auto* view = qobject_cast<QAbstractItemView*>(widget); view && view->model())
            addModel(view->model(), where);
        if (auto* chartView = qobject_cast<QChartView*>(widget); chartView && chartView->chart())
            addChart(chartView->chart(), where);
        if (auto* window = qobject_cast<QMainWindow*>(widget))
            add(where + " status bar", window->statusBar()->currentMessage());
    }

    QList<ShownText> m_texts;
};

// Latin words that stay Latin in Chinese: names, file formats, metrics, key names and the data
// contract's CSV column names.
const QStringList& latinAllowed()
{
    static const QStringList words = {
        "FlashPlan", "English", "SKU",    "WAPE",      "MASE",       "NLL",          "CSV",
        "XLSX",      "PDF",     "PNG",    "UTF",       "BOM",        "Excel",        "MIT",
        "Qt",        "Eigen",   "SQLite", "Ctrl",      "Shift",      "Home",         "Delete",
        "F",         "A",       "B",      "YYYY",      "MM",         "DD",           "flashplan",
        "csv",       "tsv",     "txt",    "xlsx",      "pdf",        "png",          "sku",
        "date",      "stock",   "units",  "unit_cost", "list_price", "min_discount", "max_discount",
        "price",     "MB",      "PIT"};
    // A column and a flag of the data contract too.
    static const QStringList withNewProducts = words + QStringList{"like_sku", "cold_start"};
    return withNewProducts;
}

bool hasChinese(const QString& text)
{
    static const QRegularExpression cjk(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    return cjk.match(text).hasMatch();
}

// The texts with a Latin word that is neither on the allow-list nor part of the project's data
// (SKUs, product names, categories, file names), one line each.
QStringList untranslated(const QList<ShownText>& texts, QStringList data)
{
    std::sort(data.begin(), data.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
    static const QRegularExpression latinWord(QStringLiteral("[A-Za-z][A-Za-z_]*"));
    // Accelerators ("文件(&F)", and "(F)" in tooltips made from such texts), key sequences, file
    // names, and the command line's words (flashplan-cli train, --on-duplicate).
    static const QRegularExpression technical(
        QStringLiteral("\\(&?[A-Za-z]\\)|&[A-Za-z]|\\b(?:Ctrl|Shift|Alt)\\+(?:[A-Za-z0-9]+|\\S)|"
                       "[\\w-]+\\.(?:csv|tsv|txt|xlsx|pdf|png|flashplan)\\b|"
                       "flashplan-cli(?: [a-z]+)?|--[a-z][a-z-]*"));
    QStringList found;
    for (const ShownText& shown : texts) {
        QString rest = shown.text;
        for (const QString& item : data)
            rest.replace(item, QStringLiteral(" "));
        rest.replace(technical, QStringLiteral(" "));
        auto words = latinWord.globalMatch(rest);
        while (words.hasNext()) {
            const QString word = words.next().captured();
            if (!latinAllowed().contains(word)) {
                found << shown.where + ": " + shown.text;
                break;
            }
        }
    }
    found.removeDuplicates();
    return found;
}

} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT
private:
    test::TempDir m_dir;
    QString m_projectPath;
    QString m_campaignCsv;
    QString m_salesCsv;
    QStringList m_dataStrings; // what the project's data says, shown as it is in any language

    // Opens the demo project in the window, plans the demo campaign and waits until every job
    // has ended, so that every view shows what it shows when in use.
    bool openDemo(ui::MainWindow& window)
    {
        window.plannerView()->setPendingCampaign(m_campaignCsv, synth::kDemoCampaignStart,
                                                 synth::kDemoCampaignDays);
        if (!window.openProject(m_projectPath))
            return false;
        ui::PlannerView* planner = window.plannerView();
        if (!QTest::qWaitFor(
                [&] { return planner->document()->productCount() == synth::kDemoCampaignProducts; },
                30000))
            return false;
        planner->optimize();
        if (!waitForIdle(window))
            return false;
        planner->table()->selectRow(0);
        window.tabs()->setCurrentWidget(planner);
        return waitForIdle(window);
    }

    static bool waitForIdle(ui::MainWindow& window)
    {
        return QTest::qWaitFor(
            [&] {
                const QList<ui::JobBase*> jobs = window.findChildren<ui::JobBase*>();
                return std::none_of(jobs.begin(), jobs.end(),
                                    [](const ui::JobBase* job) { return job->isRunning(); });
            },
            60000);
    }

    // A problem of the kind at a place in a file, with arguments the checks can tell apart.
    static Problem sampleProblem(ProblemKind kind)
    {
        Problem problem{"sales.csv", 12, 3, kind, {}};
        for (int n = 1; n <= argumentCount(kind); ++n)
            problem.args.push_back("Sample" + std::to_string(n));
        return problem;
    }

    static QList<ShownText> shownTexts(ui::MainWindow& window)
    {
        TextCollector collector;
        collector.addWidgetTree(&window);
        collector.addMenuBar(window.menuBar());
        return collector.texts();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::AppSettings::useFile(QString::fromStdString(m_dir.file("settings.ini")));
        const std::string files = m_dir.file("demo-files");
        m_projectPath = QString::fromStdString(m_dir.file("demo.flashplan"));
        m_campaignCsv = QString::fromStdString(files + "/campaign.csv");
        m_salesCsv = QString::fromStdString(files + "/sales.csv");
        synth::buildDemoProject(files, m_projectPath.toStdString());
        // sku, name, category and event of every row of the demo's sales.csv.
        QFile sales(QString::fromStdString(files + "/sales.csv"));
        QVERIFY(sales.open(QIODevice::ReadOnly | QIODevice::Text));
        m_dataStrings << QString::fromUtf8(sales.readLine()).trimmed().split(','); // the header
        while (!sales.atEnd()) {
            const QStringList cells = QString::fromUtf8(sales.readLine()).trimmed().split(',');
            m_dataStrings << cells.mid(1, 3) << cells.last(); // and the event id
        }
        m_dataStrings.removeDuplicates();
        m_dataStrings.removeAll(QString()); // rows without an event
        m_dataStrings << QDir::toNativeSeparators(m_projectPath) << "demo.flashplan";
    }

    void chooseLanguageFollowsPreferenceThenSystem_data()
    {
        QTest::addColumn<QString>("preference");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("formats");
        const auto row = [](const char* name, const char* preference, const char* system,
                            const char* language, const char* formats) {
            QTest::newRow(name) << QString(preference) << QString(system) << QString(language)
                                << QString(formats);
        };
        row("Chinese system", "", "zh_CN", "zh_CN", "zh_CN");
        row("Traditional Chinese system reads Simplified", "", "zh_TW", "zh_CN", "zh_TW");
        row("English system", "", "en_GB", "en", "en_GB");
        row("other system: English words, its own formats", "", "de_DE", "en", "de_DE");
        row("Chinese chosen on an English system", "zh_CN", "en_US", "zh_CN", "zh_CN");
        row("English chosen on a Chinese system", "en", "zh_CN", "en", "en_US");
        row("English chosen on a British system", "en", "en_GB", "en", "en_GB");
        row("unknown preference follows the system", "fr", "zh_CN", "zh_CN", "zh_CN");
    }

    void chooseLanguageFollowsPreferenceThenSystem()
    {
        QFETCH(QString, preference);
        QFETCH(QString, system);
        QFETCH(QString, language);
        QFETCH(QString, formats);
        const ui::LanguageChoice choice = ui::chooseLanguage(preference, QLocale(system));
        QCOMPARE(choice.language, language);
        QCOMPARE(choice.formats.name(), formats);
    }

    void numbersAndDatesFollowTheChosenLocale()
    {
        QVERIFY(ui::applyLanguage(ui::chooseLanguage("zh_CN", QLocale("en_US"))));
        QCOMPARE(QLocale().toString(QDate(2026, 11, 11), QLocale::ShortFormat), "2026/11/11");
        QCOMPARE(QLocale().toString(1234567.5, 'f', 1), "1,234,567.5");
        QVERIFY(ui::applyLanguage(ui::chooseLanguage("", QLocale("de_DE"))));
        QCOMPARE(QLocale().toString(1234567.5, 'f', 1), "1.234.567,5");
        QCOMPARE(QLocale().toString(QDate(2026, 11, 11), QLocale::ShortFormat), "11.11.26");
    }

    void qtsOwnTextsAreChineseWhenTheSystemHasThem()
    {
        const QString qtbase =
            QLibraryInfo::path(QLibraryInfo::TranslationsPath) + "/qtbase_zh_CN.qm";
        if (!QFile::exists(qtbase))
            QSKIP("qt6-translations-l10n is not installed");
        QVERIFY(ui::applyLanguage({"zh_CN", QLocale("zh_CN")}));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), "取消");
        QVERIFY(ui::applyLanguage({"en", QLocale("en_US")}));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), "Cancel");
    }

    void chineseMainWindowShowsNoUntranslatedText()
    {
        QVERIFY(ui::applyLanguage({"zh_CN", QLocale("zh_CN")}));
        ui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openDemo(window));
        QCOMPARE(window.productsView()->model()->rowCount(), 150);

        const QList<ShownText> texts = shownTexts(window);
        QVERIFY2(texts.size() > 300, qPrintable(QString::number(texts.size())));
        const QStringList missing = untranslated(texts, m_dataStrings);
        for (const QString& line : missing) // in full: QVERIFY2 cuts long messages
            qWarning().noquote() << "untranslated:" << line;
        QVERIFY2(missing.isEmpty(), qPrintable(QString::number(missing.size()) + " untranslated"));

        // The campaign's first day in the Chinese date format.
        const QList<QDateEdit*> dates = window.plannerView()->findChildren<QDateEdit*>();
        QVERIFY(!dates.isEmpty());
        QCOMPARE(dates.first()->text(), "2026/11/11");
        QCOMPARE(window.menuBar()->actions().first()->text(), "文件(&F)");
    }

    void chineseDialogsShowNoUntranslatedText()
    {
        QVERIFY(ui::applyLanguage({"zh_CN", QLocale("zh_CN")}));
        ui::MainWindow window;
        QString message;
        QVERIFY(window.controller()->openProject(m_projectPath, false, &message));
        ui::ImportDialog import(window.controller(), m_salesCsv, &window);
        ui::PreferencesDialog preferences(&window);
        ui::ShortcutsDialog shortcuts(window.menuBar(), &window);
        ui::AboutDialog about(&window);
        ui::HelpDialog help(&window);
        QTRY_VERIFY_WITH_TIMEOUT(import.findChild<QAbstractItemView*>()->model()->rowCount() > 0,
                                 10000);

        TextCollector collector;
        for (QWidget* dialog :
             std::initializer_list<QWidget*>{&import, &preferences, &shortcuts, &about, &help})
            collector.addWidgetTree(dialog);
        const QStringList missing = untranslated(collector.texts(), m_dataStrings);
        for (const QString& line : missing)
            qWarning().noquote() << "untranslated:" << line;
        QVERIFY2(missing.isEmpty(), qPrintable(QString::number(missing.size()) + " untranslated"));
    }

    void userGuideIsChineseWithEverySection()
    {
        QVERIFY(ui::applyLanguage({"zh_CN", QLocale("zh_CN")}));
        QCOMPARE(ui::HelpDialog::guideUrl(), QUrl("qrc:/help/guide_zh_CN.html"));
        // Links into the guide (shortcuts, tooltips) go by anchor: both guides have the same.
        const auto anchors = [](const QString& path) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return QStringList{QStringLiteral("cannot read ") + path};
            static const QRegularExpression anchor(QStringLiteral("<a name=\"([^\"]+)\""));
            QStringList names;
            for (auto it = anchor.globalMatch(QString::fromUtf8(file.readAll())); it.hasNext();)
                names << it.next().captured(1);
            return names;
        };
        QCOMPARE(anchors(":/help/guide_zh_CN.html"), anchors(":/help/guide.html"));
        ui::HelpDialog help;
        QVERIFY(help.browser()->toPlainText().contains("FlashPlan 用户指南"));
        QVERIFY(ui::applyLanguage({"en", QLocale("en_US")}));
        QCOMPARE(ui::HelpDialog::guideUrl(), QUrl("qrc:/help/guide.html"));
    }

    void englishShowsTheSourceTexts()
    {
        QVERIFY(ui::applyLanguage({"en", QLocale("en_US")}));
        ui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openDemo(window));
        QStringList chinese;
        for (const ShownText& shown : shownTexts(window))
            if (hasChinese(shown.text))
                chinese << shown.where + ": " + shown.text;
        QVERIFY2(chinese.isEmpty(), qPrintable(chinese.join('\n')));
        QCOMPARE(window.menuBar()->actions().first()->text(), "&File");
    }

    void englishProblemTextsAreCoresOwn()
    {
        QVERIFY(ui::applyLanguage({"en", QLocale("en_US")}));
        for (int k = 0; k < kProblemKindCount; ++k) {
            Problem problem = sampleProblem(static_cast<ProblemKind>(k));
            QCOMPARE(ui::problemText(problem), QString::fromStdString(problem.describe()));
            problem.file.clear(); // "line 12: column 3: ..."
            QCOMPARE(ui::problemText(problem), QString::fromStdString(problem.describe()));
            problem.file = "p.flashplan";
            problem.line = problem.column = 0; // "p.flashplan: ..."
            QCOMPARE(ui::problemText(problem), QString::fromStdString(problem.describe()));
        }
    }

    void chineseTranslatesEveryProblemKind()
    {
        QVERIFY(ui::applyLanguage({"zh_CN", QLocale("zh_CN")}));
        QList<ShownText> texts;
        QStringList arguments = {"sales.csv"};
        for (int k = 0; k < kProblemKindCount; ++k) {
            const Problem problem = sampleProblem(static_cast<ProblemKind>(k));
            const QString english = QString::fromStdString(problem.describe());
            const QString chinese = ui::problemText(problem);
            QVERIFY2(chinese != english, qPrintable(english));
            QVERIFY2(hasChinese(chinese), qPrintable(chinese));
            for (const std::string& argument : problem.args) {
                QVERIFY2(chinese.contains(QString::fromStdString(argument)), qPrintable(chinese));
                arguments << QString::fromStdString(argument);
            }
            texts.append({english, chinese});
        }
        const QStringList missing = untranslated(texts, arguments);
        for (const QString& line : missing)
            qWarning().noquote() << "untranslated:" << line;
        QVERIFY2(missing.isEmpty(), qPrintable(QString::number(missing.size()) + " untranslated"));
    }

    void chineseImportListsItsProblemsInChinese()
    {
        QVERIFY(ui::applyLanguage({"zh_CN", QLocale("zh_CN")}));
        ui::MainWindow window;
        QString message;
        QVERIFY(window.controller()->openProject(
            QString::fromStdString(m_dir.file("bad-import.flashplan")), true, &message));
        const std::string csv = m_dir.write("bad.csv", "date,sku,units,price,list_price\n"
                                                       "2025-01-02,A,1,9.5,12\n"
                                                       "2025-13-02,A,1,9.5,12\n"
                                                       "2025-01-03,A,-2,9.5,12\n"
                                                       "2025-01-04,A,?,9.5,12\n"
                                                       "2025-01-05,A,1,0,12\n"
                                                       "2025-01-06,A,1,9.5\n"
                                                       "2025-01-02,A,1,9.5,12\n");
        ui::ImportDialog import(window.controller(), QString::fromStdString(csv), &window);
        import.show();
        QVERIFY(QTest::qWaitForWindowExposed(&import));
        auto* importButton = import.findChild<QPushButton*>("importButton");
        QVERIFY(importButton && importButton->isEnabled());
        importButton->click();
        auto* details = import.findChild<QPlainTextEdit*>("detailsEdit");
        QVERIFY(details);
        QTRY_VERIFY_WITH_TIMEOUT(details->isVisible(), 30000);

        // A bad date, units below 0 and not a number, a price of 0, a short row, a second row.
        const QStringList lines = details->toPlainText().split('\n');
        QCOMPARE(lines.size(), 6);
        QList<ShownText> texts;
        for (const QString& line : lines) {
            QVERIFY2(hasChinese(line), qPrintable(line));
            texts.append({QStringLiteral("import problems"), line});
        }
        const QString summary = import.findChild<QLabel*>("messageLabel")->text();
        QVERIFY2(hasChinese(summary), qPrintable(summary));
        texts.append({QStringLiteral("import message"), summary});
        // What the file itself says: its name, the header's names, the cells.
        const QStringList data = {"bad.csv", "2025-13-02", "2025-01-02"};
        const QStringList missing = untranslated(texts, data);
        for (const QString& line : missing)
            qWarning().noquote() << "untranslated:" << line;
        QVERIFY2(missing.isEmpty(), qPrintable(QString::number(missing.size()) + " untranslated"));
    }

    void englishPluralsReadNaturally()
    {
        QVERIFY(ui::applyLanguage({"en", QLocale("en_US")}));
        const char* context = "fp::ui::CampaignSetup";
        const char* source = "%n product(s) in the campaign";
        QCOMPARE(QCoreApplication::translate(context, source, nullptr, 1),
                 "1 product in the campaign");
        QCOMPARE(QCoreApplication::translate(context, source, nullptr, 3),
                 "3 products in the campaign");
        QVERIFY(ui::applyLanguage({"zh_CN", QLocale("zh_CN")}));
        QCOMPARE(QCoreApplication::translate(context, source, nullptr, 3), "活动共 3 个商品");
    }

    void cleanupTestCase() { ui::AppSettings::useFile({}); }
};

QTEST_MAIN(TestTranslation)
#include "test_translation.moc"

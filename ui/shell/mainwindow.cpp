#include "shell/mainwindow.h"

#include "import/importdialog.h"
#include "model/fitview.h"
#include "model/trainingview.h"
#include "planner/campaignsetup.h"
#include "planner/plannerview.h"
#include "products/producthistorychart.h"
#include "products/productsview.h"
#include "review/backtestview.h"
#include "review/reviewtab.h"
#include "review/reviewview.h"
#include "settings/aboutdialog.h"
#include "settings/appsettings.h"
#include "settings/helpdialog.h"
#include "settings/preferencesdialog.h"
#include "settings/problemtext.h"
#include "settings/shortcutsdialog.h"
#include "shell/job.h"
#include "shell/jobstatus.h"
#include "shell/projectcontroller.h"
#include "synth/demoproject.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>

namespace fp::ui {

// The project and the campaign files the demo job built.
struct DemoProject
{
    QString project;
    QString files;
};

namespace {

constexpr int kLayoutVersion = 1; // of saveState(): bump when the docks change incompatibly

// On a worker: writes the demo's files, imports its sales into a new project and trains a model.
DemoProject buildDemo(const QString& project, const QString& files, const ProgressFn& progress)
{
    synth::buildDemoProject(files.toStdString(), project.toStdString(), progress);
    return {project, files};
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_controller(new ProjectController(this)),
      m_demoJob(new Job<DemoProject>(this))
{
    setWindowTitle(tr("FlashPlan"));
    setAcceptDrops(true);
    // Made first: the views register their project jobs as they are made.
    m_jobStatus = new JobStatus(this);
    connect(m_controller, &ProjectController::projectJobAdded, m_jobStatus, &JobStatus::watch);

    m_products = new ProductsView(m_controller, this);
    auto* productsDock = new QDockWidget(tr("Products"), this);
    productsDock->setObjectName("productsDock");
    productsDock->setWidget(m_products);
    productsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, productsDock);
    resizeDocks({productsDock}, {m_products->sizeHint().width()}, Qt::Horizontal);

    m_tabs = new QTabWidget(this);
    m_chart = new ProductHistoryChart(m_controller, m_tabs);
    m_training = new TrainingView(m_controller, m_tabs);
    m_fit = new FitView(m_controller, m_tabs);
    m_tabs->addTab(m_chart, tr("Data"));
    m_tabs->addTab(m_training, tr("Train"));
    m_tabs->addTab(m_fit, tr("Fit"));
    m_planner = new PlannerView(m_controller, m_tabs);
    m_tabs->addTab(m_planner, tr("Plan"));
    m_planner->setSelectionSource([this] { return m_products->selectedProducts(); });
    connect(m_planner, &PlannerView::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    m_review = new ReviewTab(m_controller, m_tabs);
    m_tabs->addTab(m_review, tr("Review"));
    m_planner->setReviewSource([this] { return m_review->report(); });
    connect(m_review, &ReviewTab::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    setCentralWidget(m_tabs);

    connect(m_products, &ProductsView::productSelected, this,
            [this](qint64 id, const QString& sku) {
                m_selectedId = id;
                m_selectedSku = sku;
                m_chart->showProduct(id, sku);
                m_fit->showProduct(id, sku);
            });
    connect(m_controller, &ProjectController::projectChanged, this, &MainWindow::onProjectChanged);

    m_demoJob->onFinished(this, [this](quint64, const DemoProject& demo) {
        // The planner opens on the demo's 11.11 campaign, optimized.
        m_planner->setPendingCampaign(demo.files + "/campaign.csv", synth::kDemoCampaignStart,
                                      synth::kDemoCampaignDays, true);
        if (openProject(demo.project))
            m_tabs->setCurrentWidget(m_planner);
    });
    connect(m_demoJob, &JobBase::failed, this, [this](quint64, const Problem& problem) {
        QMessageBox::warning(this, tr("Cannot build the demo"), problemText(problem));
    });
    const std::initializer_list<JobBase*> shown = {m_demoJob,
                                                   m_products->statsJob(),
                                                   m_planner->loadJob(),
                                                   m_planner->optimizeJob(),
                                                   m_planner->exportJob(),
                                                   m_planner->setup()->placeJob(),
                                                   m_review->reviewView()->job(),
                                                   m_review->reviewView()->exportJob(),
                                                   m_review->backtestView()->exportJob()};
    for (JobBase* job : shown)
        m_jobStatus->watch(job);
    statusBar()->addPermanentWidget(m_jobStatus);
    statusBar()->showMessage(tr("Open a project, or drop a sales CSV here to start one."));

    createMenus();
    restoreLayout();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Project..."), QKeySequence::New, this, &MainWindow::newProject)
        ->setStatusTip(tr("Create an empty project file to import a sales history into"));
    file->addAction(tr("&Open Project..."), QKeySequence::Open, this, &MainWindow::chooseProject)
        ->setStatusTip(tr("Open a .flashplan project file"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->menuAction()->setStatusTip(tr("Open one of the last projects you worked on"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(tr("Open &Demo Project"), this, &MainWindow::openDemo)
        ->setStatusTip(tr("Build a fresh demo project (150 products, two years, a trained "
                          "model) to try FlashPlan on"));
    file->addSeparator();
    QAction* import = file->addAction(tr("&Import Sales CSV..."), QKeySequence(tr("Ctrl+I")), this,
                                      [this] { importSales(); });
    import->setToolTip(tr("Add a sales history CSV to the open project"));
    import->setStatusTip(import->toolTip());
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close)
        ->setStatusTip(tr("Close FlashPlan; running jobs stop and leave the project unchanged"));
    createEditMenu();

    QMenu* model = menuBar()->addMenu(tr("&Model"));
    QAction* train = model->addAction(tr("&Train..."), QKeySequence(tr("Ctrl+T")), this, [this] {
        m_tabs->setCurrentWidget(m_training);
        m_training->train();
    });
    train->setStatusTip(tr("Train demand models on the project's history and score them on the "
                           "held-out days"));
    createPlanMenus();
    createHelpMenu();
}

void MainWindow::createPlanMenus()
{
    QMenu* plan = menuBar()->addMenu(tr("&Plan"));
    auto showPlanner = [this] {
        m_tabs->setCurrentWidget(m_planner);
    };
    plan->addAction(m_planner->optimizeAction());
    connect(m_planner->optimizeAction(), &QAction::triggered, this, showPlanner);
    plan->addSeparator();
    plan->addAction(m_planner->undoAction());
    plan->addAction(m_planner->redoAction());

    QMenu* exports = menuBar()->addMenu(tr("E&xport"));
    QAction* table =
        exports->addAction(tr("Recommended &Table (XLSX or CSV)..."), QKeySequence(tr("Ctrl+E")),
                           m_planner, &PlannerView::chooseRecommendedExport);
    table->setStatusTip(tr("The recommended discount per product, as a spreadsheet or CSV"));
    exports->addAction(tr("&Forecast (CSV)..."), m_planner, &PlannerView::chooseForecastExport)
        ->setStatusTip(tr("Expected units per product and day of the sale at the planned "
                          "discounts, with the 80% interval"));
    exports
        ->addAction(tr("PDF &Report..."), QKeySequence(tr("Ctrl+Shift+E")), m_planner,
                    &PlannerView::chooseReportExport)
        ->setStatusTip(tr("The campaign's summary, totals, charts, table and model scores"));
    exports->addAction(tr("&Chart as PNG..."), m_planner, &PlannerView::chooseChartExport)
        ->setStatusTip(tr("The planner's chart as an image (right-click any chart for the "
                          "same)"));
}

void MainWindow::createEditMenu()
{
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    // Some desktops define no Preferences key; Ctrl+, is the common choice there.
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (keys.isEmpty())
        keys.append(QKeySequence(tr("Ctrl+,")));
    QAction* preferences =
        edit->addAction(tr("&Preferences..."), this, &MainWindow::showPreferences);
    preferences->setObjectName("preferencesAction");
    preferences->setShortcuts(keys);
    preferences->setMenuRole(QAction::PreferencesRole);
    preferences->setStatusTip(tr("Planner defaults, currency and units, light or dark theme, "
                                 "language"));
}

void MainWindow::createHelpMenu()
{
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* guide = help->addAction(tr("&User Guide"), QKeySequence::HelpContents, this,
                                     [this] { showGuide(); });
    guide->setObjectName("userGuideAction");
    guide->setStatusTip(tr("How to import, train, plan and export, and what the numbers mean"));
    QAction* shortcuts =
        help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName("shortcutsAction");
    shortcuts->setStatusTip(tr("List every keyboard shortcut"));
    help->addSeparator();
    QAction* about = help->addAction(tr("&About FlashPlan"), this, &MainWindow::showAbout);
    about->setObjectName("aboutAction");
    about->setMenuRole(QAction::AboutRole);
    about->setStatusTip(tr("FlashPlan's version, the libraries it uses and its licence"));
}

void MainWindow::showPreferences()
{
    auto* dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showGuide(const QString& section)
{
    if (!m_help)
        m_help = new HelpDialog(this);
    if (!section.isEmpty())
        m_help->showSection(section);
    m_help->show();
    m_help->raise();
    m_help->activateWindow();
}

void MainWindow::showShortcuts()
{
    auto* dialog = new ShortcutsDialog(menuBar(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showAbout()
{
    auto* dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AboutDialog::guideRequested, this, [this] { showGuide(); });
    dialog->open();
}

void MainWindow::restoreLayout()
{
    // Nothing stored yet (the first start) or a layout from an older version: the defaults stay.
    const AppSettings settings;
    if (!restoreGeometry(settings.windowGeometry())) {
        // The first start fills the screen: the plan table wants the width, and a 1366x768
        // laptop has none to spare.
        if (const QScreen* screen = QGuiApplication::primaryScreen()) {
            const QRect available = screen->availableGeometry();
            resize(available.size());
            move(available.topLeft());
            setWindowState(windowState() | Qt::WindowMaximized);
        }
    }
    restoreState(settings.windowState(), kLayoutVersion);
}

bool MainWindow::mayLeaveProject()
{
    if (!m_controller->hasProject())
        return true;
    // The plan is written with every edit; what could still be lost is work in progress.
    if (const JobBase* job = m_controller->runningProjectJob();
        job && QMessageBox::question(this, tr("Stop the running job?"),
                                     tr("%1 is still running. Stop it? The project stays as it "
                                        "was before it started.")
                                         .arg(job->title()),
                                     QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) != QMessageBox::Yes)
        return false;
    return m_planner->mayClosePlan();
}

void MainWindow::newProject()
{
    if (!mayLeaveProject())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("New project"), QDir::homePath(),
                                                      tr("FlashPlan projects (*.flashplan)"));
    if (path.isEmpty())
        return;
    const QString withSuffix = path.endsWith(".flashplan") ? path : path + ".flashplan";
    QString error;
    if (!m_controller->openProject(withSuffix, true, &error))
        QMessageBox::warning(this, tr("Cannot create the project"), error);
}

void MainWindow::chooseProject()
{
    if (!mayLeaveProject())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QDir::homePath(),
                                                      tr("FlashPlan projects (*.flashplan)"));
    if (!path.isEmpty())
        openProject(path);
}

bool MainWindow::openProject(const QString& path)
{
    if (path != m_controller->projectPath() && !mayLeaveProject())
        return false;
    QString error;
    if (m_controller->openProject(path, false, &error))
        return true;
    QMessageBox::warning(
        this, tr("Cannot open the project"),
        tr("%1\n\nChoose a .flashplan project file made by FlashPlan.").arg(error));
    return false;
}

void MainWindow::importSales(const QString& csvPath)
{
    if (!m_controller->hasProject()) {
        // Importing without a project starts one next to the CSV.
        const QString suggested = csvPath.isEmpty()
                                      ? QDir::homePath() + "/sales.flashplan"
                                      : QFileInfo(csvPath).absolutePath() + "/" +
                                            QFileInfo(csvPath).completeBaseName() + ".flashplan";
        const QString path =
            QFileDialog::getSaveFileName(this, tr("New project for this import"), suggested,
                                         tr("FlashPlan projects (*.flashplan)"));
        QString error;
        if (path.isEmpty())
            return;
        if (!m_controller->openProject(path, true, &error)) {
            QMessageBox::warning(this, tr("Cannot create the project"), error);
            return;
        }
    }
    auto* dialog = new ImportDialog(m_controller, csvPath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::imported, this,
            [this](const QString& summary) { statusBar()->showMessage(summary, 10000); });
    dialog->open();
}

void MainWindow::openDemo()
{
    if (m_demoJob->isRunning() || !mayLeaveProject())
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    const QString project =
        dir + "/demo-" + QDateTime::currentDateTime().toString("yyyyMMdd-hhmmss") + ".flashplan";
    const QString files = dir + "/demo-files";
    m_demoJob->start(tr("Building the demo project"), [project, files](const ProgressFn& progress) {
        return buildDemo(project, files, progress);
    });
}

void MainWindow::onProjectChanged(const QString& path)
{
    // The views clear themselves on a new project, some after the products list already picked
    // its first product: show that product again now that every view has reset.
    if (!path.isEmpty() && m_selectedId != 0 && m_products->selectedProduct() == m_selectedId) {
        m_chart->showProduct(m_selectedId, m_selectedSku);
        m_fit->showProduct(m_selectedId, m_selectedSku);
    }
    setWindowTitle(path.isEmpty() ? tr("FlashPlan")
                                  : tr("FlashPlan - %1").arg(QFileInfo(path).fileName()));
    if (!path.isEmpty()) {
        rememberRecent(path);
        statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    }
}

void MainWindow::rememberRecent(const QString& path)
{
    AppSettings().addRecentProject(path);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = AppSettings().recentProjects();
    for (const QString& path : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this,
                                [this, path] { openProject(path); });
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile() && (url.toLocalFile().endsWith(".csv", Qt::CaseInsensitive) ||
                                  url.toLocalFile().endsWith(".flashplan")))
            return event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls()) {
        const QString file = url.toLocalFile();
        if (file.endsWith(".flashplan"))
            openProject(file);
        else if (file.endsWith(".csv", Qt::CaseInsensitive))
            importSales(file);
        return;
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!mayLeaveProject()) {
        event->ignore();
        return;
    }
    // Running jobs stop through their cancel flags, their transactions roll back; closing
    // never waits for them (main() does, bounded, once the window is gone).
    for (JobBase* job : findChildren<JobBase*>())
        job->cancel();
    AppSettings().setWindowLayout(saveGeometry(), saveState(kLayoutVersion));
    event->accept();
}

} // namespace fp::ui

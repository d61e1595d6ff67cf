#include "mainwindow.h"

#include "backgroundjob.h"
#include "fitview.h"
#include "importdialog.h"
#include "io/salesimporter.h"
#include "jobstatus.h"
#include "model/trainer.h"
#include "productchart.h"
#include "productsview.h"
#include "projectcontroller.h"
#include "store/store.h"
#include "synth/demofiles.h"
#include "trainingview.h"

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
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>

namespace fp::ui {

namespace {
constexpr int kRecentProjects = 8;
const char* const kRecentKey = "recentProjects";
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_controller(new ProjectController(this)),
      m_demoJob(new BackgroundJob(this))
{
    setWindowTitle(tr("FlashPlan"));
    setAcceptDrops(true);

    m_products = new ProductsView(m_controller, this);
    auto* productsDock = new QDockWidget(tr("Products"), this);
    productsDock->setObjectName("productsDock");
    productsDock->setWidget(m_products);
    productsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, productsDock);
    resizeDocks({productsDock}, {m_products->sizeHint().width()}, Qt::Horizontal);

    m_tabs = new QTabWidget(this);
    m_chart = new ProductChart(m_controller, m_tabs);
    m_training = new TrainingView(m_controller, m_tabs);
    m_fit = new FitView(m_controller, m_tabs);
    m_tabs->addTab(m_chart, tr("Data"));
    m_tabs->addTab(m_training, tr("Train"));
    m_tabs->addTab(m_fit, tr("Fit"));
    setCentralWidget(m_tabs);

    connect(m_products, &ProductsView::productSelected, this,
            [this](qint64 id, const QString& sku) {
                m_selectedId = id;
                m_selectedSku = sku;
                m_chart->showProduct(id, sku);
                m_fit->showProduct(id, sku);
            });
    connect(m_controller, &ProjectController::projectChanged, this, &MainWindow::onProjectChanged);

    m_jobStatus = new JobStatus(this);
    m_jobStatus->watch(m_controller->projectJob());
    m_jobStatus->watch(m_demoJob);
    m_jobStatus->watch(m_products->statsJob());
    statusBar()->addPermanentWidget(m_jobStatus);
    statusBar()->showMessage(tr("Open a project, or drop a sales CSV here to start one."));

    createMenus();
    resize(1400, 860);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Project..."), QKeySequence::New, this, &MainWindow::newProject);
    file->addAction(tr("&Open Project..."), QKeySequence::Open, this, &MainWindow::chooseProject);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(tr("Open &Demo Project"), this, &MainWindow::openDemo);
    file->addSeparator();
    QAction* import = file->addAction(tr("&Import Sales CSV..."), QKeySequence(tr("Ctrl+I")), this,
                                      [this] { importSales(); });
    import->setToolTip(tr("Add a sales history CSV to the open project"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* model = menuBar()->addMenu(tr("&Model"));
    model->addAction(tr("&Train..."), QKeySequence(tr("Ctrl+T")), this, [this] {
        m_tabs->setCurrentWidget(m_training);
        m_training->train();
    });
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About FlashPlan"), this, [this] {
        QMessageBox::about(this, tr("About FlashPlan"),
                           tr("<b>FlashPlan %1</b><p>Plan flash-sale discounts from your sales "
                              "history.</p><p>Qt %2</p>")
                               .arg(QApplication::applicationVersion(), QString(qVersion())));
    });
}

void MainWindow::newProject()
{
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
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QDir::homePath(),
                                                      tr("FlashPlan projects (*.flashplan)"));
    if (!path.isEmpty())
        openProject(path);
}

bool MainWindow::openProject(const QString& path)
{
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
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    const QString project =
        dir + "/demo-" + QDateTime::currentDateTime().toString("yyyyMMdd-hhmmss") + ".flashplan";
    const std::string projectPath = project.toStdString();
    const std::string filesDir = (dir + "/demo-files").toStdString();
    m_demoJob->start(
        tr("Building the demo project"), [projectPath, filesDir](const ProgressFn& progress) {
            std::string error;
            if (!synth::writeDemoFiles(filesDir, &error))
                throw FlashPlanError(error);
            store::Store store(projectPath);
            const io::ImportReport report =
                io::importSalesFile(store, filesDir + "/sales.csv", {}, progress);
            if (!report.committed)
                throw FlashPlanError(report.problems.empty() ? "import failed"
                                                             : report.problems[0].describe());
            model::TrainOptions options;
            options.model = "structured";
            model::TrainCallbacks callbacks;
            callbacks.loss = [&](const std::string&, const model::LossPoint& p) {
                return progress(p.iteration, 120);
            };
            model::trainAndStore(store, options, callbacks);
            return QVariant();
        });
    connect(
        m_demoJob, &BackgroundJob::succeeded, this, [this, project] { openProject(project); },
        Qt::SingleShotConnection);
    connect(
        m_demoJob, &BackgroundJob::failed, this,
        [this](quint64, const QString& message) {
            QMessageBox::warning(this, tr("Cannot build the demo"), message);
        },
        Qt::SingleShotConnection);
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
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kRecentProjects)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
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
    // Running jobs stop through their cancel flags; their transactions roll back.
    m_controller->projectJob()->cancel();
    m_demoJob->cancel();
    event->accept();
}

} // namespace fp::ui

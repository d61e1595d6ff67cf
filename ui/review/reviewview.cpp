#include "review/reviewview.h"

#include "charts/chartpage.h"
#include "plan/scenariostore.h"
#include "review/fileexporter.h"
#include "review/reviewdaychart.h"
#include "review/reviewtable.h"
#include "review/reviewtablemodel.h"
#include "review/reviewtotalsview.h"
#include "review/reviewworkbook.h"
#include "settings/problemtext.h"
#include "shell/latestrequest.h"
#include "shell/projectcontroller.h"
#include "store/store.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace fp::ui {

ReviewView::ReviewView(ProjectController* project, QWidget* parent)
    : QWidget(parent), m_project(project), m_job(new Job<LoadedReview>(this)),
      m_latest(new LatestRequest(m_job, [this] { start(); })),
      m_exporter(new FileExporter(this, [project] { return project->projectPath(); }))
{
    m_scenarios = new QComboBox(this);
    m_scenarios->setObjectName("reviewScenario");
    m_scenarios->setMinimumContentsLength(24);
    m_scenarios->setToolTip(tr("A saved scenario whose sale has happened: its window's sales must "
                               "be imported"));
    m_file = new QPushButton(tr("Recommended Table..."), this);
    m_file->setToolTip(tr("Review an exported recommended table (CSV); its window is the latest "
                          "flash-sale event of its products"));
    m_export = new QToolButton(this);
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("Review Table (XLSX or CSV)..."), this,
                          &ReviewView::chooseTableExport);
    exportMenu->addAction(tr("Chart as PNG..."), this, &ReviewView::chooseChartExport);
    m_export->setMenu(exportMenu);
    m_export->setEnabled(false);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Plan:"), this));
    top->addWidget(m_scenarios);
    top->addWidget(m_file);
    top->addStretch(1);
    top->addWidget(m_export);

    m_info = new QLabel(this);
    m_info->setWordWrap(true);
    m_info->setTextFormat(Qt::PlainText);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setObjectName("reviewMessage");

    m_totals = new ReviewTotalsView(this);
    m_model = new ReviewTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ReviewTableModel::SortRole);
    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ReviewTableModel::Name,
                                                      QHeaderView::Interactive);
    m_table->setColumnWidth(ReviewTableModel::Name, 140);
    m_chart = new ReviewDayChart(this);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    split->setSizes({1100, 420}); // the table leads: its money columns first

    m_content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_totals);
    contentLayout->addWidget(split, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_info);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_content, 1);

    connect(m_scenarios, &QComboBox::activated, this, [this](int index) {
        const QString name = m_scenarios->itemData(index).toString();
        if (!name.isEmpty())
            reviewScenario(name);
    });
    connect(m_file, &QPushButton::clicked, this, &ReviewView::choosePlanFile);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { selectProduct(current.row()); });
    connect(m_exporter, &FileExporter::statusMessage, this, &ReviewView::statusMessage);

    m_job->onFinished(this, [this](quint64, const LoadedReview& loaded) { apply(loaded); });
    connect(m_job, &JobBase::failed, this, [this](quint64, const Problem& problem) {
        clearReview();
        showMessage(tr("Cannot review %1: %2").arg(m_source.label(), problemText(problem)));
    });
    connect(project, &ProjectController::projectChanged, this, &ReviewView::onProjectChanged);
    // New sales (the sale's, imported) or a new model change the review: redo it.
    auto redo = [this] {
        if (!m_source.label().isEmpty())
            m_latest->request();
    };
    connect(project, &ProjectController::salesChanged, this, redo);
    connect(project, &ProjectController::modelChanged, this, redo);
    onProjectChanged();
}

ReviewView::~ReviewView() = default;

Job<QString>* ReviewView::exportJob() const
{
    return m_exporter->job();
}

void ReviewView::onProjectChanged()
{
    m_latest->drop();
    m_source = {};
    clearReview();
    refreshScenarios();
    showMessage(m_project->hasProject()
                    ? tr("Choose a saved scenario, or a recommended table, whose sale has "
                         "happened and whose sales are imported: the review compares the plan "
                         "with what sold.")
                    : tr("Open a project to review a sale."));
}

void ReviewView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refreshScenarios();
}

void ReviewView::refreshScenarios()
{
    const QString current = m_source.scenario;
    m_scenarios->clear();
    m_scenarios->addItem(tr("(choose a saved scenario)"));
    if (!m_project->hasProject())
        return;
    try {
        store::Store store(m_project->projectPath().toStdString(),
                           store::Store::OpenMode::ReadOnly);
        for (const plan::ScenarioInfo& info : plan::listScenarios(store)) {
            const QString name = QString::fromStdString(info.name);
            m_scenarios->addItem(tr("%1 (%2, %n day(s))", nullptr, info.days)
                                     .arg(name, QString::fromStdString(formatIsoDate(info.start))),
                                 name);
        }
    } catch (const std::exception& e) {
        showMessage(tr("Cannot read the scenarios: %1").arg(problemText(e)));
    }
    const int index = current.isEmpty() ? 0 : m_scenarios->findData(current);
    m_scenarios->setCurrentIndex(std::max(index, 0));
}

void ReviewView::reviewScenario(const QString& name)
{
    m_source = {name, {}};
    const int index = m_scenarios->findData(name);
    m_scenarios->setCurrentIndex(std::max(index, 0));
    m_latest->request();
}

void ReviewView::reviewPlanFile(const QString& path)
{
    m_source = {{}, path};
    m_scenarios->setCurrentIndex(0);
    m_latest->request();
}

void ReviewView::choosePlanFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Review a recommended table"), QFileInfo(m_project->projectPath()).absolutePath(),
        tr("CSV (*.csv)"));
    if (!path.isEmpty())
        reviewPlanFile(path);
}

void ReviewView::start()
{
    if (!m_project->hasProject() || m_source.label().isEmpty())
        return;
    clearReview(); // what shows is the review asked for, or what is wrong with it
    showMessage(tr("Reviewing %1...").arg(m_source.label()));
    m_job->start(tr("Reviewing %1").arg(m_source.label()),
                 [path = m_project->projectPath(), source = m_source](const ProgressFn& progress) {
                     return loadReview(path, source, progress);
                 });
}

void ReviewView::apply(const LoadedReview& loaded)
{
    m_shown = loaded;
    const review::SaleReview& sale = loaded.review;
    QString info =
        tr("%1: the sale of %2 to %3, %n product(s) reviewed.", nullptr, sale.totals.products)
            .arg(loaded.source.label(), QString::fromStdString(formatIsoDate(sale.start)),
                 QString::fromStdString(formatIsoDate(sale.start + sale.days - 1)));
    if (loaded.windowFromHistory)
        info += QLatin1Char(' ') + tr("A recommended table does not say when its sale ran: the "
                                      "window is its products' latest flash-sale event.");
    if (!sale.notes.empty())
        info += QLatin1Char(' ') + tr("Left out: %1").arg(problemText(sale.notes.front())) +
                (sale.notes.size() > 1 ? tr(" (and %n more)", nullptr, int(sale.notes.size()) - 1)
                                       : QString());
    m_info->setText(info);
    m_totals->setReview(sale);
    m_model->setRows(sale.rows);
    m_table->sortByColumn(ReviewTableModel::Missed, Qt::DescendingOrder);
    m_message->hide();
    m_content->show();
    m_export->setEnabled(true);
    if (m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    emit reviewed();
}

void ReviewView::selectProduct(int proxyRow)
{
    if (!m_shown || proxyRow < 0 || proxyRow >= m_proxy->rowCount()) {
        m_chart->clear();
        return;
    }
    const int row = m_proxy->mapToSource(m_proxy->index(proxyRow, 0)).row();
    const review::ProductReview& product = m_shown->review.rows[size_t(row)];
    m_chart->showProduct(ChartPage::productTitle(QString::fromStdString(product.sku),
                                                 QString::fromStdString(product.name)),
                         m_shown->days[size_t(row)]);
}

void ReviewView::clearReview()
{
    m_shown.reset();
    m_model->setRows({});
    m_totals->clear();
    m_chart->clear();
    m_info->clear();
    m_export->setEnabled(false);
}

void ReviewView::showMessage(const QString& text)
{
    m_message->setText(text);
    m_message->show();
    m_content->setVisible(m_shown.has_value());
}

QString ReviewView::message() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

bool ReviewView::exportTable(const QString& path)
{
    if (!m_shown)
        return false;
    const bool xlsx = path.endsWith(".xlsx", Qt::CaseInsensitive);
    return m_exporter->start(tr("Exporting the review"), path,
                             [sale = m_shown->review, xlsx](const std::string& target) {
                                 if (xlsx)
                                     review::writeReviewXlsx(sale, target);
                                 else
                                     review::writeReviewCsv(sale, target);
                             });
}

bool ReviewView::exportChart(const QString& path)
{
    return m_shown && m_exporter->saveChart(m_chart->view(), path);
}

void ReviewView::chooseTableExport()
{
    const QString path = m_exporter->choosePath(tr("Export the review"), "review.xlsx",
                                                tr("Excel workbook (*.xlsx);;CSV (*.csv)"));
    if (!path.isEmpty())
        exportTable(path);
}

void ReviewView::chooseChartExport()
{
    const QString path =
        m_exporter->choosePath(tr("Save chart as PNG"), "review.png", tr("PNG (*.png)"));
    if (!path.isEmpty())
        exportChart(path);
}

} // namespace fp::ui

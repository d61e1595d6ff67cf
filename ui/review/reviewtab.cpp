#include "review/reviewtab.h"

#include "charts/chartexport.h"
#include "report/reviewreport.h"
#include "review/backtestview.h"
#include "review/reviewdaychart.h"
#include "review/reviewview.h"

#include <QChart>
#include <QTabWidget>
#include <QVBoxLayout>

namespace fp::ui {

ReviewTab::ReviewTab(ProjectController* project, QWidget* parent)
    : QWidget(parent), m_review(new ReviewView(project, this)),
      m_backtest(new BacktestView(project, this)), m_pages(new QTabWidget(this))
{
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_review, tr("Sale vs Plan"));
    m_pages->addTab(m_backtest, tr("Backtest"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    connect(m_review, &ReviewView::statusMessage, this, &ReviewTab::statusMessage);
    connect(m_backtest, &BacktestView::statusMessage, this, &ReviewTab::statusMessage);
}

std::shared_ptr<const ReviewReport> ReviewTab::report() const
{
    if (!m_review->shown() && !m_backtest->shown())
        return nullptr;
    auto report = std::make_shared<ReviewReport>();
    const QSize size(900, 480); // logical pixels, as the plan report's charts
    if (const auto& shown = m_review->shown()) {
        report->sale = shown->review;
        report->saleName = shown->source.label();
        report->charts.append({m_review->dayChart()->view()->chart()->title(),
                               renderChart(m_review->dayChart()->view(), size)});
    }
    if (const auto& shown = m_backtest->shown()) {
        report->backtest = *shown;
        report->charts.append({m_backtest->eventsChart()->chart()->title(),
                               renderChart(m_backtest->eventsChart(), size)});
        report->charts.append({m_backtest->calibrationChart()->chart()->title(),
                               renderChart(m_backtest->calibrationChart(), size)});
    }
    return report;
}

} // namespace fp::ui

#pragma once

#include <QWidget>
#include <memory>

class QTabWidget;

namespace fp::ui {

class BacktestView;
class ProjectController;
class ReviewView;
struct ReviewReport;

// The Review tab: a sale next to its plan (ReviewView) and the model backtested on past events
// (BacktestView), as two pages; and what of them goes into the PDF report.
class ReviewTab final : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewTab(ProjectController* project, QWidget* parent = nullptr);

    ReviewView* reviewView() const { return m_review; }
    BacktestView* backtestView() const { return m_backtest; }
    QTabWidget* pages() const { return m_pages; }

    // The review and the backtest shown now, with their charts rendered, for the PDF report;
    // null when neither is shown.
    std::shared_ptr<const ReviewReport> report() const;

signals:
    void statusMessage(const QString& text);

private:
    ReviewView* m_review;
    BacktestView* m_backtest;
    QTabWidget* m_pages;
};

} // namespace fp::ui

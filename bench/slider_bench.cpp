// flashplan-slider-bench PROJECT.flashplan [PRODUCTS]: plans a campaign of the top PRODUCTS
// (default 1,000) in the real planner view, then drags sliders with mouse events and measures,
// per move, the time from the value change (the mouse event) to (a) the totals bar showing the
// new totals and (b) the table row and totals bar repainted. Run offscreen or under Xvfb.
#include "planner/campaignsetup.h"
#include "planner/plannerdocument.h"
#include "planner/plannerview.h"
#include "planner/plantablemodel.h"
#include "planner/plantableview.h"
#include "planner/totalsbar.h"
#include "shell/job.h"
#include "shell/projectcontroller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

namespace {

void send(QWidget* target, QEvent::Type type, QPoint at, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, at, target->mapToGlobal(at), Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(target, &event);
}

void report(const char* what, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
        return ms[static_cast<size_t>(q * (ms.size() - 1))];
    };
    std::printf("%s: median %.3f ms, p95 %.3f ms, max %.3f ms (%zu moves)\n", what, at(0.5),
                at(0.95), ms.back(), ms.size());
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: flashplan-slider-bench PROJECT.flashplan [PRODUCTS]\n");
        return 1;
    }
    QApplication app(argc, argv);
    // The window remembers its layout and recent files: a benchmark must not write the user's.
    QStandardPaths::setTestModeEnabled(true);
    const int products = argc > 2 ? std::atoi(argv[2]) : 1000;
    fp::ui::ProjectController project;
    QString error;
    if (!project.openProject(QString::fromLocal8Bit(argv[1]), false, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    fp::ui::PlannerView view(&project);
    view.resize(1500, 900);
    view.show();
    fp::ui::PlannerDocument* document = view.document();
    QElapsedTimer clock;
    clock.start();
    while (!document->hasData() && clock.elapsed() < 120000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (!document->hasData()) {
        std::fprintf(stderr, "the planner did not load (is there a trained model?)\n");
        return 3;
    }
    std::printf("planner data loaded: %lld ms\n", static_cast<long long>(clock.elapsed()));
    clock.restart();
    view.setup()->addTopByRevenue(products);
    std::printf("campaign of %d products built and evaluated: %lld ms\n", document->productCount(),
                static_cast<long long>(clock.elapsed()));
    clock.restart();
    view.optimize();
    while (view.optimizeJob()->isRunning())
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    QApplication::processEvents();
    std::printf("optimized: %lld ms, revenue %s\n", static_cast<long long>(clock.elapsed()),
                qPrintable(view.totalsBar()->valueText("revenue")));

    fp::ui::PlanTableView* table = view.table();
    QWidget* viewport = table->viewport();
    std::mt19937 random(7);
    std::vector<double> toTotals, toPainted;
    QString shown;
    QObject::connect(document, &fp::ui::PlannerDocument::totalsChanged,
                     [&] { shown = view.totalsBar()->valueText("revenue"); });
    const int visibleRows = std::min(15, document->productCount());
    for (int move = 0; move < 600; ++move) {
        const int row = table->sourceRow(static_cast<int>(random() % visibleRows));
        const QRect rect = table->sliderRect(row);
        const QPoint start = rect.center();
        send(viewport, QEvent::MouseButtonPress, start, Qt::LeftButton);
        for (int step = 1; step <= 4; ++step) {
            const QPoint to(rect.left() + static_cast<int>(random() % rect.width()),
                            rect.center().y());
            const double before = document->state().discounts[static_cast<size_t>(row)];
            QElapsedTimer t;
            t.start();
            send(viewport, QEvent::MouseMove, to, Qt::LeftButton);
            const qint64 updated = t.nsecsElapsed();
            view.totalsBar()->repaint();
            viewport->repaint(
                table->visualRect(table->proxy()->mapFromSource(view.tableModel()->index(row, 0)))
                    .united(rect)
                    .adjusted(-2000, 0, 2000, 0));
            const qint64 painted = t.nsecsElapsed();
            if (document->state().discounts[static_cast<size_t>(row)] != before) {
                toTotals.push_back(updated / 1e6);
                toPainted.push_back(painted / 1e6);
            }
        }
        send(viewport, QEvent::MouseButtonRelease, start, Qt::NoButton);
        QApplication::processEvents();
    }
    report("slider move -> totals updated", toTotals);
    report("slider move -> row and totals repainted", toPainted);
    return 0;
}

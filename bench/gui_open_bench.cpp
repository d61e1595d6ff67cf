// flashplan-gui-bench PROJECT.flashplan: opens a project in the real main window and prints how
// long the window takes to be usable, the background statistics, one product's chart, sorting and
// scrolling the products table. Run offscreen (QT_QPA_PLATFORM=offscreen) or under Xvfb.
#include "products/producthistorychart.h"
#include "products/productstablemodel.h"
#include "products/productsview.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <cstdio>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: flashplan-gui-bench PROJECT.flashplan\n");
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    // The window remembers its layout and recent files: a benchmark must not write the user's.
    QStandardPaths::setTestModeEnabled(true);
    fp::ui::MainWindow window;
    window.show();
    if (!window.openProject(QString::fromLocal8Bit(argv[1])))
        return 2;
    fp::ui::ProductsView* products = window.productsView();
    std::printf("window shown with %d products listed: %lld ms\n", products->model()->rowCount(),
                static_cast<long long>(clock.elapsed()));
    QElapsedTimer chartClock;
    chartClock.start();
    QObject::connect(window.historyChart(), &fp::ui::ProductHistoryChart::loaded, [&](qint64) {
        std::printf("first product's chart drawn: %lld ms after opening\n",
                    static_cast<long long>(chartClock.elapsed()));
    });
    QObject::connect(products, &fp::ui::ProductsView::statsLoaded, [&] {
        std::printf("statistics columns filled (background): %lld ms\n",
                    static_cast<long long>(clock.elapsed()));
        QTableView* table = products->table();
        QElapsedTimer t;
        t.start();
        table->sortByColumn(fp::ui::ProductsTableModel::Revenue, Qt::DescendingOrder);
        std::printf("sort all rows by revenue: %lld ms\n", static_cast<long long>(t.elapsed()));
        t.restart();
        QScrollBar* bar = table->verticalScrollBar();
        int pages = 0;
        for (int v = 0; v <= bar->maximum(); v += bar->pageStep(), ++pages) {
            bar->setValue(v);
            table->viewport()->repaint();
        }
        std::printf("scroll the whole table: %d pages, %.2f ms a page\n", pages,
                    pages ? static_cast<double>(t.elapsed()) / pages : 0.0);
        QTimer::singleShot(500, &app, &QApplication::quit);
    });
    QTimer::singleShot(120000, &app, &QApplication::quit);
    return QApplication::exec();
}

#include "mainwindow.h"

#include "productstablemodel.h"
#include "store/store.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QTableView>
#include <QVBoxLayout>

namespace fp::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("FlashPlan"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_summary = new QLabel(tr("Open a project (File > Open) to see its products."), central);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_model = new ProductsTableModel(this);
    m_table = new QTableView(central);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    setCentralWidget(central);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open..."), QKeySequence::Open, this, &MainWindow::chooseProject);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    resize(1100, 720);
}

void MainWindow::chooseProject()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), {},
                                                      tr("FlashPlan projects (*.flashplan)"));
    if (!path.isEmpty())
        openProject(path);
}

bool MainWindow::openProject(const QString& path)
{
    try {
        store::Store store(path.toStdString(), store::Store::OpenMode::ReadOnly);
        const store::ProjectSummary s = store.summary();
        QString dates = tr("no sales yet");
        if (s.firstDay)
            dates = tr("%1 to %2, %3")
                        .arg(QString::fromStdString(formatIsoDate(*s.firstDay)),
                             QString::fromStdString(formatIsoDate(*s.lastDay)),
                             s.periodDays == 7 ? tr("weekly") : tr("daily"));
        m_summary->setText(tr("<b>%1</b>: %2 products in %3 categories; %4; %5 sold-out rows.")
                               .arg(QFileInfo(path).fileName().toHtmlEscaped())
                               .arg(s.products)
                               .arg(s.categories)
                               .arg(dates)
                               .arg(s.stockoutRows));
        m_model->setProducts(store.products());
        m_table->resizeColumnsToContents();
        setWindowTitle(tr("FlashPlan - %1").arg(QFileInfo(path).fileName()));
        return true;
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot open project"),
                             tr("%1\n\nChoose a .flashplan project file made by FlashPlan.")
                                 .arg(QString::fromStdString(e.what())));
        return false;
    }
}

} // namespace fp::ui

#include "charts/chartexport.h"

#include "base/error.h"
#include "settings/appsettings.h"
#include "settings/problemtext.h"

#include <QApplication>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QSaveFile>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>

namespace fp::ui {

namespace {

// Opens the export menu on a right click or the Menu key. On Linux the context menu event comes
// with the right button press, before anyone knows whether it starts a pan, so a mouse-made menu
// waits for the release and is dropped when the button moved past the drag distance meanwhile.
class ChartExportMenu final : public QObject
{
    Q_OBJECT
public:
    explicit ChartExportMenu(QChartView* view);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showMenu(const QPoint& globalPos);
    void saveWithDialog();

    QChartView* m_view;
    QMenu* m_menu;
    QPoint m_pressPos; // where the right button went down, in viewport coordinates
    bool m_rightDown = false;
    bool m_dragged = false; // the right button moved past the drag distance since it went down
    bool m_menuOnRelease = false;
};

ChartExportMenu::ChartExportMenu(QChartView* view)
    : QObject(view), m_view(view), m_menu(new QMenu(view))
{
    setObjectName(QStringLiteral("chartExportMenu"));
    m_menu->setObjectName(QStringLiteral("chartExportMenu"));
    QAction* save = m_menu->addAction(tr("Save Chart as PNG…"));
    save->setObjectName(QStringLiteral("saveChartPng"));
    connect(save, &QAction::triggered, this, [this] { saveWithDialog(); });
    // Mouse events and mouse-made context menus reach the viewport; the Menu key's reaches the
    // view.
    view->installEventFilter(this);
    view->viewport()->installEventFilter(this);
}

bool ChartExportMenu::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (watched == m_view->viewport() && mouse->button() == Qt::RightButton) {
            m_rightDown = true;
            m_dragged = false;
            m_pressPos = mouse->position().toPoint();
        }
        return false;
    }
    case QEvent::MouseMove: {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (m_rightDown && (mouse->position().toPoint() - m_pressPos).manhattanLength() >=
                               QApplication::startDragDistance())
            m_dragged = true;
        return false;
    }
    case QEvent::MouseButtonRelease: {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() != Qt::RightButton || !m_rightDown)
            return false;
        m_rightDown = false;
        if (m_menuOnRelease && !m_dragged)
            showMenu(mouse->globalPosition().toPoint());
        m_menuOnRelease = false;
        return false; // the view still ends its pan
    }
    case QEvent::ContextMenu: {
        const auto* menuEvent = static_cast<QContextMenuEvent*>(event);
        if (menuEvent->reason() != QContextMenuEvent::Mouse)
            showMenu(m_view->mapToGlobal(m_view->rect().center()));
        else if (m_rightDown)
            m_menuOnRelease = true;
        else if (!m_dragged) // platforms that send it after the release
            showMenu(menuEvent->globalPos());
        m_dragged = false;
        return true;
    }
    default:
        return false;
    }
}

void ChartExportMenu::showMenu(const QPoint& globalPos)
{
    m_menu->popup(globalPos);
}

void ChartExportMenu::saveWithDialog()
{
    AppSettings settings;
    const QString folder = settings.chartExportFolder();
    const QString title = m_view->chart() ? m_view->chart()->title() : QString();
    QFileDialog dialog(m_view, tr("Save Chart as PNG"), folder);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilter(tr("PNG images (*.png)"));
    dialog.setDefaultSuffix(QStringLiteral("png")); // and the overwrite question covers it
    dialog.selectFile(chartFileName(title));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    try {
        saveChartPng(m_view, path);
        settings.setChartExportFolder(QFileInfo(path).absolutePath());
    } catch (const FlashPlanError& e) {
        QMessageBox::warning(m_view, tr("Save Chart as PNG"),
                             problemText(e) + QLatin1Char('\n') +
                                 tr("Choose another folder or file name and try again."));
    }
}

} // namespace

QImage renderChart(QChartView* view, QSize size, qreal dpr)
{
    if (!view)
        return {};
    if (size.isEmpty())
        size = view->size();
    if (size.isEmpty() || !(dpr > 0))
        return {};
    const QSize previous = view->size();
    const bool resize = previous != size;
    if (resize)
        view->resize(size); // a hidden view gets the resize when render() lays it out

    QImage image(QSize(int(std::ceil(size.width() * dpr)), int(std::ceil(size.height() * dpr))),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                               QPainter::SmoothPixmapTransform);
        // The widget as it draws itself (QGraphicsView::render would skip the pending layout).
        static_cast<QWidget*>(view)->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    }
    if (resize)
        view->resize(previous);
    return image;
}

void saveChartPng(QChartView* view, const QString& path, QSize size, qreal dpr)
{
    saveChartImage(renderChart(view, size, dpr), path);
}

void saveChartImage(const QImage& image, const QString& path)
{
    if (image.isNull())
        throwCannotWrite(path, QStringLiteral("the chart has no size to draw at"));
    QByteArray png;
    {
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "PNG"))
            throwCannotWrite(path, QStringLiteral("PNG encoding failed"));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throwCannotWrite(path, file.errorString());
    // QSaveFile reports a short write (a full disk) only by its count.
    const qint64 written = file.write(png);
    const int writeErrno = errno;
    if (written != png.size())
        throwCannotWrite(path, file.error() != QFileDevice::NoError
                                   ? file.errorString()
                                   : QString::fromLocal8Bit(std::strerror(writeErrno)));
    if (!file.commit())
        throwCannotWrite(path, file.errorString());
}

void installChartExportMenu(QChartView* view)
{
    if (view && !view->findChild<ChartExportMenu*>())
        new ChartExportMenu(view);
}

QString chartFileName(const QString& title)
{
    static const QString refused = QStringLiteral("\\/:*?\"<>|");
    QString name;
    name.reserve(title.size());
    for (const QChar c : title)
        name += (c.category() == QChar::Other_Control || refused.contains(c)) ? QChar(' ') : c;
    name = name.simplified();
    while (name.endsWith(QLatin1Char('.'))) // Windows drops trailing dots
        name.chop(1);
    while (name.startsWith(QLatin1Char('.'))) // not a hidden file
        name.remove(0, 1);
    name = name.left(80).trimmed();
    return (name.isEmpty() ? QStringLiteral("chart") : name) + QStringLiteral(".png");
}

} // namespace fp::ui

#include "chartexport.moc"

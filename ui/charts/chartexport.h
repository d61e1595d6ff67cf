#pragma once

#include <QImage>
#include <QSize>
#include <QString>

class QChartView;

namespace fp::ui {

// Renders a chart view (or any widget) into an image of `size` logical pixels at device pixel
// ratio `dpr` (so the image is size * dpr pixels), for print and export, without showing it: a
// hidden view is laid out just for the rendering, and a visible one is resized for the call and
// put back. An empty `size` keeps the view's current size. The background is white.
QImage renderChart(QChartView* view, QSize size, qreal dpr = 2.0);

// Saves the chart as a PNG of `size` (empty: the view's size) at `dpr`, through a temporary file
// renamed into place, so a failure never leaves a partial file. Throws fp::FlashPlanError
// (CannotWriteFile: the path and the reason).
void saveChartPng(QChartView* view, const QString& path, QSize size = {}, qreal dpr = 2.0);
// Saves a rendered chart the same way; safe on a worker thread (no widget involved).
void saveChartImage(const QImage& image, const QString& path);

// Adds "Save Chart as PNG…" to the view's context menu: a file dialog suggesting a name from the
// chart title, then saveChartPng; an error is shown in a message box. The menu opens on a right
// click (or the Menu key), but not after a right drag, which chart views use to pan.
void installChartExportMenu(QChartView* view);

// The file name suggested for a chart titled `title`: the title without the characters file
// systems refuse, or "chart" when nothing is left, plus ".png".
QString chartFileName(const QString& title);

} // namespace fp::ui

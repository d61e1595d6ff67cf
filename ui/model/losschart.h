#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

class QAbstractAxis;
class QChart;
class QCheckBox;
class QLineSeries;
class QTimer;
class QValueAxis;

namespace fp::model {
struct LossPoint;
}

namespace fp::ui {

// The live loss plot of a training run: for each named curve (a model, or a model's refit) the
// training loss as a solid line and the validation loss as a dashed one in the same color, per
// iteration, on a linear or logarithmic loss axis. Points arrive one at a time from the training
// job and are buffered; a ~40 ms single-shot timer then replaces each changed series in one call
// and rescales the axes, so a fast fit never redraws point by point. All Qt Charts code of the
// training view lives here, so the chart library can be swapped in one place.
class LossChart final : public QWidget
{
    Q_OBJECT
public:
    explicit LossChart(QWidget* parent = nullptr);

    // Buffers one point of `curve`; a non-finite validation loss (no validation data) is skipped.
    void addPoint(const QString& curve, const model::LossPoint& point);
    void clear();
    // Shown while the chart has no points.
    void setEmptyText(const QString& text);

    bool logScale() const;
    void setLogScale(bool on);

    // What the chart draws (after the pending redraw): for tests and status lines.
    QStringList curveNames() const;
    int pointCount(const QString& curve, bool validation) const;

private:
    struct Curve
    {
        QString name;
        QLineSeries* train = nullptr;
        QLineSeries* validation = nullptr;
        QList<QPointF> trainPoints;
        QList<QPointF> validationPoints;
        bool changed = false;
    };

    Curve& curve(const QString& name);
    const Curve* findCurve(const QString& name) const;
    void redraw();
    void rescale();
    void replaceLossAxis();
    QList<QPointF> drawable(const QList<QPointF>& points) const;

    QChart* m_chart = nullptr;
    QValueAxis* m_iterationAxis = nullptr;
    QAbstractAxis* m_lossAxis = nullptr;
    QCheckBox* m_log = nullptr;
    QTimer* m_redraw = nullptr;
    std::vector<Curve> m_curves;
    QString m_emptyText;
};

} // namespace fp::ui

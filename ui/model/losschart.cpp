#include "model/losschart.h"

#include "charts/charttheme.h"
#include "model/demandmodel.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace fp::ui {

namespace {

constexpr int kRedrawMs = 40;

// Curves get colors in the order they first appear; the baseline is always grey.
QColor colorFor(const QString& name, int index)
{
    if (name == QLatin1String("baseline"))
        return QColor(0x70, 0x70, 0x70);
    static const QColor palette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x5f, 0x0e),
                                     QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
                                     QColor(0xd6, 0x27, 0x28), QColor(0x8c, 0x56, 0x4b)};
    return palette[index % std::size(palette)];
}

// 1, 2 or 5 times a power of ten, at least `raw` and at least 1 (iterations are whole numbers).
double niceStep(double raw)
{
    if (!(raw > 1))
        return 1;
    const double decade = std::pow(10.0, std::floor(std::log10(raw)));
    const double m = raw / decade;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * decade;
}

} // namespace

LossChart::LossChart(QWidget* parent) : QWidget(parent)
{
    m_chart = new QChart;
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setShowToolTips(true);

    m_iterationAxis = new QValueAxis(m_chart);
    m_iterationAxis->setTitleText(tr("iteration"));
    m_iterationAxis->setLabelFormat(QStringLiteral("%d"));
    m_iterationAxis->setTickType(QValueAxis::TicksDynamic);
    m_iterationAxis->setTickAnchor(0);
    m_chart->addAxis(m_iterationAxis, Qt::AlignBottom);
    applyChartTheme(m_chart); // the curves are added per model, in their own colours

    auto* view = new QChartView(m_chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(360, 220);
    view->setToolTip(tr("Loss per period (negative log-likelihood) after each iteration: solid "
                        "lines on the training periods, dashed lines on the validation periods"));

    m_log = new QCheckBox(tr("Log scale"), this);
    m_log->setToolTip(tr("Show the loss on a logarithmic axis, which makes the large early drop "
                         "and the small late changes visible together"));
    connect(m_log, &QCheckBox::toggled, this, [this] { replaceLossAxis(); });

    m_redraw = new QTimer(this);
    m_redraw->setSingleShot(true);
    m_redraw->setInterval(kRedrawMs);
    connect(m_redraw, &QTimer::timeout, this, [this] { redraw(); });

    auto* top = new QHBoxLayout;
    top->addStretch();
    top->addWidget(m_log);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(view, 1);

    replaceLossAxis();
}

void LossChart::addPoint(const QString& name, const model::LossPoint& point)
{
    if (!std::isfinite(point.train) && !std::isfinite(point.validation))
        return;
    Curve& c = curve(name);
    const auto x = static_cast<double>(point.iteration);
    if (std::isfinite(point.train))
        c.trainPoints.append(QPointF(x, point.train));
    if (std::isfinite(point.validation))
        c.validationPoints.append(QPointF(x, point.validation));
    c.changed = true;
    if (!m_redraw->isActive())
        m_redraw->start();
}

void LossChart::clear()
{
    m_redraw->stop();
    for (Curve& c : m_curves) {
        m_chart->removeSeries(c.train);
        m_chart->removeSeries(c.validation);
        delete c.train;
        delete c.validation;
    }
    m_curves.clear();
    m_chart->setTitle(m_emptyText);
    rescale();
}

void LossChart::setEmptyText(const QString& text)
{
    m_emptyText = text;
    if (m_curves.empty())
        m_chart->setTitle(text);
}

bool LossChart::logScale() const
{
    return m_log->isChecked();
}

void LossChart::setLogScale(bool on)
{
    m_log->setChecked(on);
}

QStringList LossChart::curveNames() const
{
    QStringList names;
    for (const Curve& c : m_curves)
        names.append(c.name);
    return names;
}

int LossChart::pointCount(const QString& name, bool validation) const
{
    const Curve* c = findCurve(name);
    if (!c)
        return 0;
    return static_cast<int>((validation ? c->validation : c->train)->count());
}

LossChart::Curve& LossChart::curve(const QString& name)
{
    for (Curve& c : m_curves)
        if (c.name == name)
            return c;
    const QColor color = colorFor(name, static_cast<int>(m_curves.size()));
    Curve c;
    c.name = name;
    c.train = new QLineSeries;
    c.train->setName(tr("%1 training").arg(name));
    c.train->setPen(QPen(color, 2));
    c.validation = new QLineSeries;
    c.validation->setName(tr("%1 validation").arg(name));
    // Its own shade as well as dashes: the legend's markers show colour only.
    c.validation->setPen(QPen(color.lighter(150), 2, Qt::DashLine));
    for (QLineSeries* series : {c.train, c.validation}) {
        m_chart->addSeries(series);
        series->attachAxis(m_iterationAxis);
        series->attachAxis(m_lossAxis);
    }
    if (m_curves.empty())
        m_chart->setTitle(QString());
    m_curves.push_back(std::move(c));
    return m_curves.back();
}

const LossChart::Curve* LossChart::findCurve(const QString& name) const
{
    for (const Curve& c : m_curves)
        if (c.name == name)
            return &c;
    return nullptr;
}

// A logarithmic axis cannot show a loss <= 0; those points are left out while it is on.
QList<QPointF> LossChart::drawable(const QList<QPointF>& points) const
{
    if (!logScale())
        return points;
    QList<QPointF> out;
    out.reserve(points.size());
    for (const QPointF& p : points)
        if (p.y() > 0)
            out.append(p);
    return out;
}

void LossChart::redraw()
{
    for (Curve& c : m_curves) {
        if (!c.changed)
            continue;
        c.changed = false;
        const QList<QPointF> train = drawable(c.trainPoints);
        const QList<QPointF> validation = drawable(c.validationPoints);
        // A one-iteration fit (the baseline) would be an invisible line: show its points.
        c.train->setPointsVisible(train.size() < 3);
        c.validation->setPointsVisible(validation.size() < 3);
        c.train->replace(train);
        c.validation->replace(validation);
    }
    rescale();
}

void LossChart::rescale()
{
    double lastIteration = 0;
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const Curve& c : m_curves)
        for (const QList<QPointF>* points : {&c.trainPoints, &c.validationPoints})
            for (const QPointF& p : drawable(*points)) {
                lastIteration = std::max(lastIteration, p.x());
                low = std::min(low, p.y());
                high = std::max(high, p.y());
            }

    const double step = niceStep(std::max(lastIteration, 5.0) / 5);
    m_iterationAxis->setTickInterval(step);
    m_iterationAxis->setRange(0, step * std::ceil(std::max(lastIteration, 5.0) / step));

    if (auto* log = qobject_cast<QLogValueAxis*>(m_lossAxis)) {
        // Labels only go at powers of the base: powers of 2 when the losses span less than two
        // decades (as they mostly do), else whole decades with minor lines at 2..9.
        const bool empty = !(low <= high);
        const double base = empty || high / low < 100 ? 2 : 10;
        const double from = empty ? 0 : std::floor(std::log(low) / std::log(base));
        const double to =
            empty ? 2 : std::max(from + 1, std::ceil(std::log(high) / std::log(base)));
        log->setBase(base);
        log->setMinorTickCount(base == 10 ? 8 : 0);
        log->setRange(std::pow(base, from), std::pow(base, to));
    } else if (auto* linear = qobject_cast<QValueAxis*>(m_lossAxis)) {
        if (!(low <= high)) {
            linear->setRange(0, 1);
        } else {
            const double pad = std::max(0.05 * (high - low), 0.01 * std::max(std::abs(high), 1.0));
            linear->setRange(low - pad, high + pad);
            linear->applyNiceNumbers();
        }
    }
}

void LossChart::replaceLossAxis()
{
    if (m_lossAxis) {
        m_chart->removeAxis(m_lossAxis); // detaches it from every series
        delete m_lossAxis;
    }
    if (logScale()) {
        auto* axis = new QLogValueAxis(m_chart);
        axis->setLabelFormat(QStringLiteral("%g"));
        m_lossAxis = axis;
    } else {
        auto* axis = new QValueAxis(m_chart);
        axis->setLabelFormat(QStringLiteral("%.3g"));
        m_lossAxis = axis;
    }
    m_lossAxis->setTitleText(tr("loss per period (NLL)"));
    m_chart->addAxis(m_lossAxis, Qt::AlignLeft);
    for (Curve& c : m_curves) {
        c.train->attachAxis(m_lossAxis);
        c.validation->attachAxis(m_lossAxis);
        c.changed = true;
    }
    redraw();
}

} // namespace fp::ui

#include "charts/charttheme.h"

#include "settings/appsettings.h"
#include "settings/apptheme.h"

#include <QAbstractBarSeries>
#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QXYSeries>
#include <functional>
#include <vector>

namespace fp::ui {

namespace {

// Whether the chart's series colours are currently the dark-chart versions.
constexpr auto kDarkProperty = "fp_chartIsDark";
// Colours this close to grey are ink rather than a series' identity.
constexpr int kGreyMaxSaturation = 24;

QColor mirrorGrey(const QColor& color)
{
    if (color.hslSaturation() > kGreyMaxSaturation)
        return color;
    return QColor::fromHsl(color.hslHue(), color.hslSaturation(), 255 - color.lightness(),
                           color.alpha())
        .toRgb();
}

QPen mirrorGrey(QPen pen)
{
    pen.setColor(mirrorGrey(pen.color()));
    return pen;
}

QBrush mirrorGrey(QBrush brush)
{
    brush.setColor(mirrorGrey(brush.color()));
    return brush;
}

// Captures the look of one series (or bar set) and puts it back, mirrored when asked.
template <typename Item> std::function<void(bool)> keepLook(Item* item)
{
    return [item, pen = item->pen(), brush = item->brush()](bool mirror) {
        item->setPen(mirror ? mirrorGrey(pen) : pen);
        item->setBrush(mirror ? mirrorGrey(brush) : brush);
    };
}

void restyle(QChart* chart)
{
    const bool dark = isDarkTheme(AppSettings().display().theme);
    const bool wasDark = chart->property(kDarkProperty).toBool();
    // QChart::setTheme overwrites every series' pen and brush: keep them to put them back.
    std::vector<std::function<void(bool)>> looks;
    for (QAbstractSeries* series : chart->series()) {
        if (auto* xy = qobject_cast<QXYSeries*>(series))
            looks.push_back(keepLook(xy));
        else if (auto* area = qobject_cast<QAreaSeries*>(series))
            looks.push_back(keepLook(area));
        else if (auto* bars = qobject_cast<QAbstractBarSeries*>(series))
            for (QBarSet* set : bars->barSets())
                looks.push_back(keepLook(set));
    }
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    for (const auto& putBack : looks)
        putBack(dark != wasDark);
    chart->setProperty(kDarkProperty, dark);
}

} // namespace

void applyChartTheme(QChart* chart)
{
    restyle(chart);
    chart->legend()->setShowToolTips(true); // a legend entry cut short shows whole on hover
    QObject::connect(SettingsNotifier::instance(), &SettingsNotifier::displayChanged, chart,
                     [chart] { restyle(chart); });
}

} // namespace fp::ui

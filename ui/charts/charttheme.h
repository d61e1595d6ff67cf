#pragma once

class QChart;

namespace fp::ui {

// Gives the chart the Qt Charts theme (light or dark) of the colour-theme preference, now and
// whenever it changes. Call it once the chart's series are added: their own pens and brushes are
// kept through the theme change, except grey ones, which are ink drawn for a light background
// and are mirrored in lightness on a dark chart (dark grey becomes light grey).
void applyChartTheme(QChart* chart);

} // namespace fp::ui

#include "settings/numbertext.h"

#include <QLocale>
#include <cmath>

namespace fp::ui {

QString moneyText(double value)
{
    return QLocale().toString(value, 'f', 2);
}

QString percentText(double fraction, int decimals)
{
    return QLocale().toString(100.0 * fraction, 'f', decimals) + QLatin1Char('%');
}

QString signedPercentText(double fraction, int decimals)
{
    if (std::isnan(fraction))
        return QStringLiteral("–");
    const QString text = percentText(fraction, decimals);
    return fraction > 0 ? QLatin1Char('+') + text : text;
}

QString countRangeText(int low, int high)
{
    return QLocale().toString(low) + QStringLiteral("–") + QLocale().toString(high);
}

} // namespace fp::ui

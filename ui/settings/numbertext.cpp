#include "settings/numbertext.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

namespace fp::ui {

namespace {

// The translation context of the texts here.
class NumberText final
{
    Q_DECLARE_TR_FUNCTIONS(fp::ui::NumberText)
};

} // namespace

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

QString productPeriodsText(int periodDays)
{
    return periodDays == 7 ? NumberText::tr("product-weeks") : NumberText::tr("product-days");
}

} // namespace fp::ui

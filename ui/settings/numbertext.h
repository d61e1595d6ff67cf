#pragma once

#include <QString>

namespace fp::ui {

// Amounts as the views show them: the default locale's digits and separators, 2 decimals.
QString moneyText(double value);

// A fraction (0.35) as a percentage ("35.0%" with one decimal), in the default locale.
QString percentText(double fraction, int decimals = 1);

// A signed share, such as a bias ("+3.1%", "-12.0%"); "–" when there is none (NaN).
QString signedPercentText(double fraction, int decimals = 1);

// An interval of counts ("146–282"), in the default locale.
QString countRangeText(int low, int high);

// What a history's cells are called in a count: "product-days", or "product-weeks" when its
// periods are weeks (periodDays 7).
QString productPeriodsText(int periodDays);

} // namespace fp::ui

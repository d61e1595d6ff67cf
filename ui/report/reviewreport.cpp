#include "report/reviewreport.h"

#include "report/pdflayout.h"
#include "report/pdftable.h"
#include "settings/numbertext.h"
#include "settings/translation.h"

#include <QCoreApplication>
#include <QLocale>

namespace fp::ui {

namespace {

// The translation context of the section's texts.
class ReviewReportText final
{
    Q_DECLARE_TR_FUNCTIONS(fp::ui::ReviewReport)

public:
    static QString units(double v) { return QLocale().toString(v, 'f', 1); }
    static QString date(DayNumber day) { return QString::fromStdString(formatIsoDate(day)); }
    static QString interval(const std::optional<review::CountInterval>& total)
    {
        return total ? countRangeText(total->low, total->high) : QStringLiteral("–");
    }
    static QString signedMoney(double v)
    {
        return v > 0 ? QLatin1Char('+') + moneyText(v) : moneyText(v);
    }

    static void sale(PdfLayout& layout, const review::SaleReview& sale, const QString& name)
    {
        const review::ReviewTotals& t = sale.totals;
        layout.heading(tr("Review of the sale: %1").arg(name), layout.mm(40));
        layout.paragraph(tr("%1 to %2: %3 products reviewed against the imported sales.")
                             .arg(date(sale.start), date(sale.start + sale.days - 1))
                             .arg(t.products),
                         layout.fonts().body, layout.mm(3));
        const QString unknown = tr("unknown: some unit costs unknown");
        layout.keyValueColumns(
            {tr("Planned (expected)"),
             {{tr("Units"), units(t.expectedUnits)},
              {tr("Revenue"), moneyText(t.expectedRevenue)},
              {tr("Profit"), t.profitComplete ? moneyText(t.expectedProfit) : unknown},
              {tr("At the charged prices"), tr("%1 units, %2")
                                                .arg(units(t.expectedUnitsAtChargedPrice),
                                                     moneyText(t.expectedRevenueAtChargedPrice))}}},
            {tr("Actual"),
             {{tr("Units"), units(t.actualUnits)},
              {tr("Revenue"), moneyText(t.actualRevenue)},
              {tr("Profit"), t.profitComplete ? moneyText(t.actualProfit) : unknown},
              {tr("Within the 80% interval"), tr("%1 of %2 (hit rate %3)")
                                                  .arg(t.withinInterval)
                                                  .arg(t.products)
                                                  .arg(percentText(t.hitRate(), 0))},
              {tr("Sold out"), QLocale().toString(t.soldOut)}}});
        QList<PdfRow> rows;
        for (const int i : review::largestMisses(sale, 10)) {
            const review::ProductReview& r = sale.rows[size_t(i)];
            rows.append(
                {{QString::fromStdString(r.sku), QString::fromStdString(r.name),
                  percentText(r.plannedDiscount), percentText(r.chargedDiscount),
                  units(r.expectedUnits), units(r.actualUnits), moneyText(r.expectedRevenue),
                  moneyText(r.actualRevenue), signedMoney(r.revenueMissed())}});
        }
        layout.heading(tr("Largest misses in revenue"), layout.mm(20));
        const auto left = Qt::AlignLeft;
        const auto right = Qt::AlignRight;
        PdfTable(layout,
                 {{tr("SKU"), left, 0, 0.16},
                  {tr("Name"), left, 1},
                  {tr("Planned"), right},
                  {tr("Charged"), right},
                  {tr("Expected units"), right},
                  {tr("Actual units"), right},
                  {tr("Expected revenue"), right},
                  {tr("Actual revenue"), right},
                  {tr("Missed"), right}},
                 rows, layout.width())
            .write(3);
        layout.advance(layout.mm(6));
    }

    static void backtest(PdfLayout& layout, const review::BacktestResult& result)
    {
        layout.heading(tr("Backtest of the model on past events"), layout.mm(40));
        layout.paragraph(
            tr("The %1 model, refitted on the history before each event, forecast it at "
               "the prices and stock it had: %2 of %3 %5 inside their 80% interval "
               "(hit rate %4; about 80% when the intervals are honest).")
                .arg(modelDisplayName(QString::fromStdString(result.modelKind)))
                .arg(result.within)
                .arg(result.rows.size())
                .arg(percentText(result.hitRate(), 1))
                .arg(productPeriodsText(result.periodDays)),
            layout.fonts().body, layout.mm(3));
        if (result.eventsWithInterval > 0)
            layout.paragraph(
                tr("Event totals: %1 of %2 inside their 80% interval (event hit rate %3).")
                    .arg(result.eventsWithin)
                    .arg(result.eventsWithInterval)
                    .arg(percentText(result.eventHitRate(), 0)),
                layout.fonts().body, layout.mm(3));
        QList<PdfRow> rows;
        for (const review::BacktestEvent& e : result.events)
            rows.append(
                {{QString::fromStdString(e.event.name), date(e.start), QLocale().toString(e.days),
                  QLocale().toString(e.products), units(e.forecastUnits), interval(e.totalInterval),
                  units(e.actualUnits), signedPercentText(e.bias()), percentText(e.hitRate())}});
        const auto right = Qt::AlignRight;
        PdfTable(layout,
                 {{tr("Event"), Qt::AlignLeft, 1},
                  {tr("Start"), right},
                  {tr("Days"), right},
                  {tr("Products"), right},
                  {tr("Forecast units"), right},
                  {tr("80% interval"), right},
                  {tr("Actual units"), right},
                  {tr("Bias"), right},
                  {tr("Hit rate"), right}},
                 rows, layout.width())
            .write(3);
        QStringList counts;
        for (const int count : result.pitHistogram)
            counts << QLocale().toString(count);
        layout.advance(layout.mm(3));
        layout.paragraph(tr("Calibration (%2 in each tenth of the PIT, flat when honest): %1")
                             .arg(counts.join(QStringLiteral(" · ")))
                             .arg(productPeriodsText(result.periodDays)),
                         layout.fonts().body, layout.mm(6));
    }
};

} // namespace

void writeReviewSection(PdfLayout& layout, const ReviewReport& report)
{
    layout.newPage();
    if (report.sale)
        ReviewReportText::sale(layout, *report.sale, report.saleName);
    if (report.backtest)
        ReviewReportText::backtest(layout, *report.backtest);
    for (const ReviewReportChart& chart : report.charts)
        layout.image(chart.title, chart.image, layout.mm(6));
}

} // namespace fp::ui

#pragma once

#include <QString>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace fp::ui {

class TimeChartView;

// A product's charts as a tab shows them: a title row (the product, the owner's controls, Reset
// zoom) above the charts, and a message in the charts' place while there is nothing to draw.
class ChartPage final : public QWidget
{
    Q_OBJECT
public:
    // `charts` is shown below the title row; Reset zoom follows the zoom of `zoomable`.
    ChartPage(QWidget* charts, TimeChartView* zoomable, const QString& resetTip,
              QWidget* parent = nullptr);

    // Adds a control to the title row, before Reset zoom, `spacing` pixels after the one before.
    void addToTitleRow(QWidget* widget, int spacing = 0);
    void setTitle(const QString& text);
    // A product's title: "SKU · name (category)", leaving out what the file did not give (a
    // scanner panel has neither names nor categories: just the SKU, no dangling separator).
    static QString productTitle(const QString& sku, const QString& name,
                                const QString& category = {});
    void showMessage(const QString& text);
    void showCharts();
    QString message() const; // empty while the charts show

private:
    QHBoxLayout* m_titleRow = nullptr;
    QLabel* m_title = nullptr;
    QPushButton* m_reset = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_message = nullptr;
    QWidget* m_charts = nullptr;
};

} // namespace fp::ui

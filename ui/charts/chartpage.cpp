#include "charts/chartpage.h"

#include "charts/timechartview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace fp::ui {

ChartPage::ChartPage(QWidget* charts, TimeChartView* zoomable, const QString& resetTip,
                     QWidget* parent)
    : QWidget(parent), m_charts(charts)
{
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_reset = new QPushButton(tr("Reset zoom"), this);
    m_reset->setToolTip(resetTip);
    m_reset->setEnabled(false);
    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_message);
    m_stack->addWidget(charts);

    m_titleRow = new QHBoxLayout;
    m_titleRow->addWidget(m_title, 1);
    m_titleRow->addWidget(m_reset);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_titleRow);
    layout->addWidget(m_stack, 1);

    connect(m_reset, &QPushButton::clicked, zoomable, &TimeChartView::resetZoom);
    connect(zoomable, &TimeChartView::zoomChanged, m_reset, &QPushButton::setEnabled);
}

void ChartPage::addToTitleRow(QWidget* widget, int spacing)
{
    const int beforeReset = m_titleRow->indexOf(m_reset);
    if (spacing > 0)
        m_titleRow->insertSpacing(beforeReset, spacing);
    m_titleRow->insertWidget(m_titleRow->indexOf(m_reset), widget);
}

QString ChartPage::productTitle(const QString& sku, const QString& name, const QString& category)
{
    const QString named = name.isEmpty() ? sku : tr("%1 · %2").arg(sku, name);
    return category.isEmpty() ? named : tr("%1 (%2)").arg(named, category);
}

void ChartPage::setTitle(const QString& text)
{
    m_title->setText(text);
}

void ChartPage::showMessage(const QString& text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

void ChartPage::showCharts()
{
    m_stack->setCurrentWidget(m_charts);
}

QString ChartPage::message() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : QString();
}

} // namespace fp::ui

#include "planner/plantableview.h"

#include "planner/plannerdocument.h"
#include "planner/plantablemodel.h"
#include "settings/appsettings.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QStyleOptionSlider>
#include <algorithm>
#include <cmath>

namespace fp::ui {

namespace {

constexpr int kSliderMargin = 6; // pixels between the cell edge and the groove ends
constexpr int kTicks = 1000;     // the painted slider's resolution
constexpr int kHandleReach = 6;  // pixels either side of the handle's centre that grab it
constexpr auto kLayoutName = "planner/table";

// What a merchandiser decides by comes first, so that a laptop screen shows it without scrolling:
// the product, its discount, and what the discount earns; the rest follows.
constexpr int kDefaultOrder[] = {
    PlanTableModel::Sku,       PlanTableModel::Name,        PlanTableModel::Slider,
    PlanTableModel::Discount,  PlanTableModel::Revenue,     PlanTableModel::Profit,
    PlanTableModel::Lock,      PlanTableModel::Units,       PlanTableModel::Interval,
    PlanTableModel::SalePrice, PlanTableModel::SellThrough, PlanTableModel::SellOut,
    PlanTableModel::LimitedBy};
static_assert(std::size(kDefaultOrder) == PlanTableModel::ColumnCount);

double roleNumber(const QModelIndex& index, int role)
{
    return index.data(role).toDouble();
}

} // namespace

double DiscountSliderDelegate::discountAt(int x, const QRect& rect, double min, double max)
{
    const int left = rect.left() + kSliderMargin;
    const int width = std::max(1, rect.width() - 2 * kSliderMargin);
    const double t = std::clamp(static_cast<double>(x - left) / width, 0.0, 1.0);
    const double raw = min + t * (max - min);
    return std::clamp(std::round(raw * 100.0) / 100.0, min, max);
}

int DiscountSliderDelegate::xOf(double discount, const QRect& rect, double min, double max)
{
    const int width = std::max(1, rect.width() - 2 * kSliderMargin);
    const double t = max > min ? (discount - min) / (max - min) : 0.0;
    return rect.left() + kSliderMargin + static_cast<int>(std::lround(t * width));
}

void DiscountSliderDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                   const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &background, painter, widget);

    const double min = roleNumber(index, PlanTableModel::MinDiscountRole);
    const double max = roleNumber(index, PlanTableModel::MaxDiscountRole);
    const double value = roleNumber(index, Qt::EditRole);
    QStyleOptionSlider slider;
    slider.initFrom(widget);
    slider.rect = option.rect.adjusted(kSliderMargin - 4, 0, -(kSliderMargin - 4), 0);
    slider.orientation = Qt::Horizontal;
    slider.minimum = 0;
    slider.maximum = kTicks;
    const double t = max > min ? (value - min) / (max - min) : 0.0;
    slider.sliderPosition = static_cast<int>(std::lround(std::clamp(t, 0.0, 1.0) * kTicks));
    slider.sliderValue = slider.sliderPosition;
    slider.subControls = QStyle::SC_SliderGroove | QStyle::SC_SliderHandle;
    if (!(index.flags() & Qt::ItemIsEditable))
        slider.state &= ~QStyle::State_Enabled;
    if (option.state & QStyle::State_Selected)
        slider.state |= QStyle::State_HasFocus;
    style->drawComplexControl(QStyle::CC_Slider, &slider, painter, widget);
}

QSize DiscountSliderDelegate::sizeHint(const QStyleOptionViewItem& option,
                                       const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), 140));
    return size;
}

QWidget* DiscountSpinDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                            const QModelIndex& index) const
{
    auto* spin = new QDoubleSpinBox(parent);
    spin->setDecimals(1);
    spin->setSuffix(QStringLiteral(" %"));
    spin->setSingleStep(1.0);
    spin->setRange(roleNumber(index, PlanTableModel::MinDiscountRole) * 100.0,
                   roleNumber(index, PlanTableModel::MaxDiscountRole) * 100.0);
    spin->setFrame(false);
    spin->setAlignment(Qt::AlignRight);
    spin->setToolTip(tr("Discount in percent; Up and Down change it by one point"));
    return spin;
}

void DiscountSpinDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    static_cast<QDoubleSpinBox*>(editor)->setValue(roleNumber(index, Qt::EditRole) * 100.0);
}

void DiscountSpinDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                        const QModelIndex& index) const
{
    auto* spin = static_cast<QDoubleSpinBox*>(editor);
    spin->interpretText();
    const double before = roleNumber(index, Qt::EditRole);
    const double after = spin->value() / 100.0;
    // The spin box shows one decimal: leave a value it cannot show exactly alone if untouched.
    if (std::abs(after * 100.0 - std::round(before * 1000.0) / 10.0) > 1e-9)
        model->setData(index, after, Qt::EditRole);
}

PlanTableView::PlanTableView(PlannerDocument* document, PlanTableModel* model, QWidget* parent)
    : QTableView(parent), m_document(document), m_model(model),
      m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(PlanTableModel::SortRole);
    m_proxy->setDynamicSortFilter(false); // rows never move under a dragged slider
    setModel(m_proxy);
    setSortingEnabled(true);
    sortByColumn(-1, Qt::AscendingOrder);
    setItemDelegateForColumn(PlanTableModel::Slider, new DiscountSliderDelegate(this));
    setItemDelegateForColumn(PlanTableModel::Discount, new DiscountSpinDelegate(this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                    QAbstractItemView::AnyKeyPressed);
    setAlternatingRowColors(true);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    QHeaderView* header = horizontalHeader();
    for (int visual = 0; visual < PlanTableModel::ColumnCount; ++visual)
        header->moveSection(header->visualIndex(kDefaultOrder[visual]), visual);
    setColumnWidth(PlanTableModel::Sku, 72);
    setColumnWidth(PlanTableModel::Name, 120);
    setColumnWidth(PlanTableModel::Slider, 120);
    setColumnWidth(PlanTableModel::Discount, 54);
    setColumnWidth(PlanTableModel::Lock, 40);
    for (int c = PlanTableModel::SalePrice; c < PlanTableModel::LimitedBy; ++c)
        if (c != PlanTableModel::Lock) // never narrower than its title ("80% interval")
            setColumnWidth(
                c,
                std::max(80, header->fontMetrics().horizontalAdvance(
                                 model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()) +
                                 24));
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setToolTip(tr("Drag a column title to move the column; right-click to hide or show "
                          "columns"));
    connect(header, &QHeaderView::customContextMenuRequested, this, &PlanTableView::showColumnMenu);
    restoreLayout();
    connect(header, &QHeaderView::sectionMoved, this, &PlanTableView::saveLayout);
    connect(header, &QHeaderView::sectionResized, this, &PlanTableView::saveLayout);
    setToolTip(tr("Drag a slider, or select a row and use Left/Right (Shift: 5 points) to change "
                  "its discount"));
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                emit currentProductChanged(current.isValid() ? sourceRow(current.row()) : -1);
            });
    // The sort order is applied once per header click; keep it when the rows are rebuilt.
    connect(m_document, &PlannerDocument::campaignReset, this, [this] {
        const int column = horizontalHeader()->sortIndicatorSection();
        if (column >= 0 && column < PlanTableModel::ColumnCount)
            m_proxy->sort(column, horizontalHeader()->sortIndicatorOrder());
    });
}

void PlanTableView::setColumnShown(int column, bool shown)
{
    setColumnHidden(column, !shown);
    saveLayout();
}

void PlanTableView::showColumnMenu(const QPoint& at)
{
    QMenu menu(this);
    for (int column = 0; column < PlanTableModel::ColumnCount; ++column) {
        if (column == PlanTableModel::Slider)
            continue; // the discount is what the table is for
        const QString title =
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        QAction* action = menu.addAction(
            title, this, [this, column](bool shown) { setColumnShown(column, shown); });
        action->setCheckable(true);
        action->setChecked(!isColumnHidden(column));
    }
    menu.addSeparator();
    menu.addAction(tr("Show All Columns"), this, [this] {
        for (int column = 0; column < PlanTableModel::ColumnCount; ++column)
            setColumnHidden(column, false);
        saveLayout();
    });
    menu.exec(horizontalHeader()->mapToGlobal(at));
}

void PlanTableView::restoreLayout()
{
    // A state from another set of columns is refused by restoreState(): the defaults stay.
    const QByteArray state = AppSettings().viewState(kLayoutName);
    if (!state.isEmpty())
        horizontalHeader()->restoreState(state);
    setColumnHidden(PlanTableModel::Slider, false);
}

void PlanTableView::saveLayout() const
{
    AppSettings().setViewState(kLayoutName, horizontalHeader()->saveState());
}

int PlanTableView::sourceRow(int viewRow) const
{
    return m_proxy->mapToSource(m_proxy->index(viewRow, 0)).row();
}

int PlanTableView::viewRow(int sourceRow) const
{
    return m_proxy->mapFromSource(m_model->index(sourceRow, 0)).row();
}

QRect PlanTableView::sliderRect(int sourceRow) const
{
    return visualRect(m_proxy->mapFromSource(m_model->index(sourceRow, PlanTableModel::Slider)));
}

int PlanTableView::currentSourceRow() const
{
    const QModelIndex current = currentIndex();
    return current.isValid() ? sourceRow(current.row()) : -1;
}

void PlanTableView::mousePressEvent(QMouseEvent* event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && index.isValid() &&
        index.column() == PlanTableModel::Slider && (index.flags() & Qt::ItemIsEditable)) {
        setCurrentIndex(index);
        m_dragRow = m_proxy->mapToSource(index).row();
        m_pressX = event->position().toPoint().x();
        m_document->beginDrag();
        // A click beside the handle moves it there; a click on it moves nothing (no undo step).
        const QModelIndex source = m_model->index(m_dragRow, PlanTableModel::Slider);
        const int handle =
            DiscountSliderDelegate::xOf(roleNumber(source, Qt::EditRole), sliderRect(m_dragRow),
                                        roleNumber(source, PlanTableModel::MinDiscountRole),
                                        roleNumber(source, PlanTableModel::MaxDiscountRole));
        m_moved = std::abs(m_pressX - handle) > kHandleReach;
        if (m_moved)
            dragTo(m_pressX);
        event->accept();
        return;
    }
    QTableView::mousePressEvent(event);
}

void PlanTableView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragRow >= 0) {
        const int x = event->position().toPoint().x();
        m_moved = m_moved || x != m_pressX;
        if (m_moved)
            dragTo(x);
        event->accept();
        return;
    }
    QTableView::mouseMoveEvent(event);
}

void PlanTableView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_dragRow >= 0) {
        if (m_moved)
            dragTo(event->position().toPoint().x());
        m_dragRow = -1;
        m_document->endDrag();
        event->accept();
        return;
    }
    QTableView::mouseReleaseEvent(event);
}

void PlanTableView::dragTo(int x)
{
    if (m_dragRow < 0 || m_dragRow >= m_document->productCount())
        return;
    const QModelIndex source = m_model->index(m_dragRow, PlanTableModel::Slider);
    const double d = DiscountSliderDelegate::discountAt(
        x, sliderRect(m_dragRow), roleNumber(source, PlanTableModel::MinDiscountRole),
        roleNumber(source, PlanTableModel::MaxDiscountRole));
    if (d != roleNumber(source, Qt::EditRole))
        m_model->setData(source, d, Qt::EditRole);
}

void PlanTableView::keyPressEvent(QKeyEvent* event)
{
    const QModelIndex current = currentIndex();
    const bool arrows = event->key() == Qt::Key_Left || event->key() == Qt::Key_Right;
    if (arrows && current.isValid() && current.column() == PlanTableModel::Slider) {
        const QModelIndex source = m_proxy->mapToSource(current);
        const double step = (event->modifiers() & Qt::ShiftModifier) ? 0.05 : 0.01;
        const double now = roleNumber(source, Qt::EditRole);
        const double next =
            std::round((now + (event->key() == Qt::Key_Right ? step : -step)) * 100.0) / 100.0;
        m_model->setData(source, next, Qt::EditRole);
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace fp::ui

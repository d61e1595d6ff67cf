#include "planner/campaignsetup.h"

#include "plan/campaign.h"
#include "plan/plannerdata.h"
#include "planner/campaigntablemodel.h"
#include "planner/newproductdialog.h"
#include "planner/plannerdocument.h"
#include "settings/appsettings.h"
#include "settings/problemtext.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>
#include <set>
#include <utility>

namespace fp::ui {

namespace {

// Why a product of the history cannot be planned: the model was trained before it came.
QString notInModel(const data::Panel& panel, int product)
{
    return CampaignSetup::tr("%1: imported after the model was trained; train again to include it")
        .arg(QString::fromStdString(panel.products()[static_cast<size_t>(product)].sku));
}

QDate toQDate(DayNumber day)
{
    const CivilDate c = civilFromDays(day);
    return QDate(c.year, c.month, c.day);
}

DayNumber toDay(const QDate& date)
{
    return daysFromCivil(date.year(), date.month(), date.day());
}

} // namespace

CampaignSetup::CampaignSetup(PlannerDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_placeJob(new PlaceJob(this)),
      m_model(new CampaignTableModel(document, this))
{
    m_placeJob->onFinished(this, [this](quint64, const PlacedProducts& p) { placed(p); });
    connect(m_placeJob, &JobBase::failed, this, [this](quint64, const Problem& problem) {
        m_afterPlacing = {};
        QMessageBox::warning(this, tr("Cannot place the new products"), problemText(problem));
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    buildWindowAndSettings();
    buildProducts();
    connect(document, &PlannerDocument::campaignReset, this, &CampaignSetup::refreshFromDocument);
    connect(document, &PlannerDocument::dataReset, this, &CampaignSetup::refreshFromDocument);
    refreshFromDocument();
}

void CampaignSetup::buildWindowAndSettings()
{
    auto* box = new QGroupBox(tr("Sale window and goal"), this);
    m_settingsBox = box;
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_start = new QDateEdit(box);
    m_start->setObjectName("startDate");
    m_start->setCalendarPopup(true);
    m_start->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_start->setToolTip(tr("First day of the flash sale"));
    m_days = new QSpinBox(box);
    m_days->setObjectName("days");
    m_days->setRange(1, 60);
    m_days->setSuffix(tr(" days"));
    m_days->setToolTip(tr("How many days the sale lasts"));
    auto* window = new QHBoxLayout;
    window->addWidget(m_start, 1);
    window->addWidget(m_days);
    form->addRow(tr("Starts"), window);
    m_windowWarning = new QLabel(box);
    m_windowWarning->setObjectName("windowWarning");
    m_windowWarning->setWordWrap(true);
    m_windowWarning->setVisible(false);
    QPalette amber = m_windowWarning->palette();
    amber.setColor(QPalette::WindowText, QColor(0xe6, 0x7e, 0x00)); // as the planner's warnings
    m_windowWarning->setPalette(amber);
    form->addRow(m_windowWarning);

    m_objective = new QComboBox(box);
    m_objective->setObjectName("objective");
    m_objective->addItem(tr("Revenue"), int(plan::Objective::Revenue));
    m_objective->addItem(tr("Profit"), int(plan::Objective::Profit));
    m_objective->addItem(tr("Blend"), int(plan::Objective::Blend));
    m_objective->setToolTip(tr("What the optimizer maximizes. Blend: profit + weight x revenue"));
    m_blendWeight = new QDoubleSpinBox(box);
    m_blendWeight->setObjectName("blendWeight");
    m_blendWeight->setRange(0.0, AppSettings::kMaxBlendWeight);
    m_blendWeight->setSingleStep(0.1);
    m_blendWeight->setDecimals(2);
    m_blendWeight->setPrefix(tr("weight "));
    m_blendWeight->setToolTip(tr("Blend objective: profit + this weight x revenue"));
    auto* goal = new QHBoxLayout;
    goal->addWidget(m_objective, 1);
    goal->addWidget(m_blendWeight);
    form->addRow(tr("Maximize"), goal);

    m_useBudget = new QCheckBox(tr("Markdown budget"), box);
    m_useBudget->setToolTip(tr("Cap the total markdown cost: (list price - sale price) x units"));
    m_budget = new QDoubleSpinBox(box);
    m_budget->setObjectName("budget");
    m_budget->setRange(0.0, 1e12);
    m_budget->setDecimals(0);
    m_budget->setSingleStep(1000.0);
    m_budget->setGroupSeparatorShown(true);
    m_budget->setToolTip(m_useBudget->toolTip());
    form->addRow(m_useBudget, m_budget);

    m_useMarginFloor = new QCheckBox(tr("Never below cost"), box);
    m_useMarginFloor->setObjectName("neverBelowCost");
    m_useMarginFloor->setToolTip(tr("Never sell below unit cost x (1 + this margin); 0% is the "
                                    "unit cost. Uncheck to allow prices below cost (such rows "
                                    "are flagged below_cost)"));
    m_marginFloor = new QDoubleSpinBox(box);
    m_marginFloor->setObjectName("marginFloor");
    m_marginFloor->setRange(0.0, 1000.0);
    m_marginFloor->setPrefix(tr("margin "));
    m_marginFloor->setSuffix(QStringLiteral(" %"));
    m_marginFloor->setDecimals(1);
    m_marginFloor->setToolTip(m_useMarginFloor->toolTip());
    form->addRow(m_useMarginFloor, m_marginFloor);

    m_step = new QDoubleSpinBox(box);
    m_step->setObjectName("ladderStep");
    m_step->setRange(AppSettings::kMinLadderStep * 100.0, AppSettings::kMaxLadderStep * 100.0);
    m_step->setDecimals(1);
    m_step->setSingleStep(0.5);
    m_step->setSuffix(tr(" points"));
    m_step->setToolTip(tr("The optimizer tries discounts in steps of this size"));
    form->addRow(tr("Discount step"), m_step);
    layout()->addWidget(box);

    for (QDoubleSpinBox* spin : {m_blendWeight, m_budget, m_marginFloor, m_step})
        connect(spin, &QDoubleSpinBox::editingFinished, this, &CampaignSetup::settingsEdited);
    connect(m_objective, &QComboBox::activated, this, &CampaignSetup::settingsEdited);
    for (QCheckBox* check : {m_useBudget, m_useMarginFloor})
        connect(check, &QCheckBox::toggled, this, &CampaignSetup::settingsEdited);
    connect(m_start, &QDateEdit::dateChanged, this, &CampaignSetup::windowEdited);
    // Arrow clicks, typed values and a day picked in the calendar apply at once, not only when
    // focus leaves.
    connect(m_days, &QSpinBox::valueChanged, this, &CampaignSetup::windowEdited);
}

void CampaignSetup::buildProducts()
{
    auto* box = new QGroupBox(tr("Products"), this);
    auto* layout = new QVBoxLayout(box);
    auto* buttons = new QHBoxLayout;
    m_addSelected = new QPushButton(tr("Add Selected"), box);
    m_addSelected->setObjectName("addSelected");
    m_addSelected->setToolTip(tr("Add the products selected in the Products list"));
    m_addMore = new QToolButton(box);
    m_addMore->setText(tr("Add"));
    m_addMore->setObjectName("addMore");
    m_addMore->setPopupMode(QToolButton::InstantPopup);
    m_addMore->setToolTip(tr("Add a whole category, the top sellers by revenue, or a new product "
                             "without sales history"));
    auto* addMenu = new QMenu(m_addMore);
    connect(addMenu, &QMenu::aboutToShow, this, &CampaignSetup::fillAddMenu);
    m_addMore->setMenu(addMenu);
    m_loadFile = new QPushButton(tr("Load CSV..."), box);
    m_loadFile->setObjectName("loadCampaign");
    m_loadFile->setToolTip(tr("Replace the products with those of a campaign.csv "
                              "(sku, stock, unit_cost, list_price, min_discount, max_discount)"));
    m_remove = new QPushButton(tr("Remove"), box);
    m_remove->setObjectName("removeProducts");
    m_remove->setToolTip(tr("Remove the selected rows from the campaign (Delete)"));
    buttons->addWidget(m_addSelected);
    buttons->addWidget(m_addMore);
    buttons->addWidget(m_loadFile);
    buttons->addStretch(1);
    buttons->addWidget(m_remove);
    layout->addLayout(buttons);

    m_table = new QTableView(box);
    m_table->setObjectName("campaignTable");
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(CampaignTableModel::Sku, 72);
    m_table->setColumnWidth(CampaignTableModel::Name, 96);
    for (int c : {CampaignTableModel::Stock, CampaignTableModel::UnitCost,
                  CampaignTableModel::MinDiscount, CampaignTableModel::MaxDiscount})
        m_table->setColumnWidth(c, 58);
    m_table->setToolTip(tr("Double-click to edit; paste a block copied from a spreadsheet with "
                           "Ctrl+V"));
    m_table->installEventFilter(this);
    layout->addWidget(m_table, 1);
    m_count = new QLabel(box);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_count);
    m_skipped = new QLabel(box);
    m_skipped->setObjectName("skippedProducts");
    m_skipped->setWordWrap(true);
    m_skipped->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_skipped->setPalette(m_windowWarning->palette());
    m_skipped->setVisible(false);
    layout->addWidget(m_skipped);
    static_cast<QVBoxLayout*>(this->layout())->addWidget(box, 1);

    connect(m_addSelected, &QPushButton::clicked, this, &CampaignSetup::addSelectedProducts);
    connect(m_loadFile, &QPushButton::clicked, this, &CampaignSetup::chooseCampaignFile);
    connect(m_remove, &QPushButton::clicked, this, &CampaignSetup::removeSelectedProducts);
}

void CampaignSetup::setSelectionSource(std::function<QList<qint64>()> source)
{
    m_selectionSource = std::move(source);
}

void CampaignSetup::refreshFromDocument()
{
    m_refreshing = true;
    const PlannerState& state = m_document->state();
    const bool hasData = m_document->hasData();
    if (hasData) {
        m_start->setDate(toQDate(state.campaign.start));
        m_days->setValue(state.campaign.days);
    }
    const plan::PlanSettings& s = state.settings;
    m_objective->setCurrentIndex(m_objective->findData(int(s.objective)));
    m_blendWeight->setValue(s.blendWeight);
    m_blendWeight->setEnabled(s.objective == plan::Objective::Blend);
    m_useBudget->setChecked(s.budget.has_value());
    if (s.budget)
        m_budget->setValue(*s.budget);
    m_budget->setEnabled(s.budget.has_value());
    m_useMarginFloor->setChecked(s.marginFloor.has_value());
    if (s.marginFloor)
        m_marginFloor->setValue(*s.marginFloor * 100.0);
    m_marginFloor->setEnabled(s.marginFloor.has_value());
    m_step->setValue(s.step * 100.0);
    for (QWidget* w : std::initializer_list<QWidget*>{m_addSelected, m_addMore, m_loadFile,
                                                      m_remove, m_start, m_days})
        w->setEnabled(hasData);
    const int n = static_cast<int>(state.campaign.products.size());
    m_count->setText(hasData ? tr("%n product(s) in the campaign", nullptr, n)
                             : tr("Train a model to plan a campaign"));
    if (!hasData)
        m_skipped->setVisible(false);
    updateWindowWarning();
    m_refreshing = false;
}

void CampaignSetup::updateWindowWarning()
{
    QStringList warnings;
    if (m_document->hasData()) {
        const plan::PlannerData& planner = *m_document->data();
        const plan::Campaign& campaign = m_document->state().campaign;
        if (const std::optional<Problem> window =
                plan::saleWindowWarning(planner.panel, campaign.start))
            warnings << problemMessage(*window);
        if (const std::optional<Problem> weeks =
                plan::weeklyWindowNote(planner.panel, campaign.start, campaign.days))
            warnings << problemMessage(*weeks);
        if (planner.importedSinceTraining)
            warnings << problemMessage(*planner.importedSinceTraining);
    }
    m_windowWarning->setText(warnings.join(QStringLiteral("\n")));
    m_windowWarning->setVisible(!warnings.isEmpty());
}

void CampaignSetup::showSkipped(const QString& headline, const QStringList& skipped)
{
    constexpr int kShown = 5; // the rest are in the tooltip
    QStringList lines = skipped.mid(0, kShown);
    if (skipped.size() > kShown)
        lines << tr("... and %n more (see the tooltip)", nullptr,
                    static_cast<int>(skipped.size() - kShown));
    m_skipped->setText(headline + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
    m_skipped->setToolTip(headline + QLatin1Char('\n') + skipped.join(QLatin1Char('\n')));
    m_skipped->setVisible(true);
}

void CampaignSetup::settingsEdited()
{
    if (m_refreshing)
        return;
    PlannerState next = m_document->state();
    plan::PlanSettings& s = next.settings;
    s.objective = static_cast<plan::Objective>(m_objective->currentData().toInt());
    s.blendWeight = m_blendWeight->value();
    s.budget = m_useBudget->isChecked() ? std::optional<double>(m_budget->value()) : std::nullopt;
    s.marginFloor = m_useMarginFloor->isChecked()
                        ? std::optional<double>(m_marginFloor->value() / 100.0)
                        : std::nullopt;
    s.step = m_step->value() / 100.0;
    m_blendWeight->setEnabled(s.objective == plan::Objective::Blend);
    m_budget->setEnabled(s.budget.has_value());
    m_marginFloor->setEnabled(s.marginFloor.has_value());
    const plan::PlanSettings& now = m_document->state().settings;
    if (s.objective == now.objective && s.blendWeight == now.blendWeight &&
        s.budget == now.budget && s.marginFloor == now.marginFloor && s.step == now.step)
        return;
    m_document->editState(next, tr("Change the optimizer settings"));
}

void CampaignSetup::windowEdited()
{
    if (m_refreshing || !m_document->hasData())
        return;
    setWindow(toDay(m_start->date()), m_days->value());
}

void CampaignSetup::setWindow(qint64 startDay, int days)
{
    PlannerState next = m_document->state();
    next.campaign.start = static_cast<DayNumber>(startDay);
    next.campaign.days = days;
    if (next.campaign.start == m_document->state().campaign.start &&
        next.campaign.days == m_document->state().campaign.days)
        return;
    m_document->editState(next, tr("Change the sale window"));
}

plan::CampaignProduct CampaignSetup::defaultProduct(int panelProduct,
                                                    const PlannerDefaults& defaults) const
{
    const data::PanelProduct& p =
        m_document->data()->panel.products()[static_cast<size_t>(panelProduct)];
    plan::CampaignProduct cp;
    cp.product = panelProduct;
    cp.listPrice = p.listPrice;
    cp.unitCost = p.unitCost;
    cp.minDiscount = defaults.minDiscount;
    // No deeper than the category ever sold at: past it the model only guesses.
    const double supported = m_document->data()->deepestDiscounts.defaultMaxDiscount(panelProduct);
    cp.maxDiscount = std::max(cp.minDiscount, std::min(defaults.maxDiscount, supported));
    return cp;
}

int CampaignSetup::addProducts(const std::vector<int>& panelProducts,
                               const std::function<QString(int)>& describe)
{
    if (!m_document->hasData())
        return 0;
    PlannerState next = m_document->state();
    std::set<int> present;
    for (const plan::CampaignProduct& cp : next.campaign.products)
        present.insert(cp.product);
    int added = 0;
    QStringList unknown;
    const PlannerDefaults defaults = AppSettings().plannerDefaults(); // read once, not per product
    for (int p : panelProducts) {
        if (p < 0 || present.count(p))
            continue;
        if (!m_document->data()->modelKnows[static_cast<size_t>(p)]) {
            unknown << notInModel(m_document->data()->panel, p);
            continue;
        }
        plan::CampaignProduct cp = defaultProduct(p, defaults);
        next.discounts.push_back(cp.minDiscount);
        next.locked.push_back(false);
        next.limits.push_back(plan::Limit::None);
        next.campaign.products.push_back(cp);
        present.insert(p);
        ++added;
    }
    if (!unknown.isEmpty())
        showSkipped(tr("%n product(s) left out:", nullptr, static_cast<int>(unknown.size())),
                    unknown);
    else
        m_skipped->setVisible(false);
    if (added > 0)
        m_document->editState(next, describe(added));
    return added;
}

void CampaignSetup::addSelectedProducts()
{
    if (!m_selectionSource || !m_document->hasData())
        return;
    std::vector<int> products;
    for (qint64 id : m_selectionSource())
        products.push_back(m_document->data()->panelIndex(id));
    if (products.empty()) {
        QMessageBox::information(this, tr("No products selected"),
                                 tr("Select products in the Products list first (Ctrl+click or "
                                    "Shift+click selects several)."));
        return;
    }
    addProducts(products, [](int n) { return tr("Add %n selected product(s)", nullptr, n); });
}

void CampaignSetup::addTopByRevenue(int count, int category)
{
    std::vector<int> order = m_document->data()->productsByRevenue(category);
    if (static_cast<int>(order.size()) > count)
        order.resize(static_cast<size_t>(count));
    addProducts(order,
                [](int n) { return tr("Add the top %n product(s) by revenue", nullptr, n); });
}

void CampaignSetup::fillAddMenu()
{
    QMenu* menu = m_addMore->menu();
    menu->clear();
    if (!m_document->hasData())
        return;
    menu->addAction(tr("Top Products by Revenue..."), this, [this] {
        bool ok = false;
        const int n = QInputDialog::getInt(this, tr("Top products by revenue"),
                                           tr("How many of the best-selling products?"), 30, 1,
                                           m_document->data()->panel.productCount(), 1, &ok);
        if (ok)
            addTopByRevenue(n);
    });
    menu->addAction(tr("All Products"), this,
                    [this] { addTopByRevenue(m_document->data()->panel.productCount()); });
    QMenu* categories = menu->addMenu(tr("Category"));
    const std::vector<std::string>& names = m_document->data()->panel.categories();
    for (int c = 0; c < static_cast<int>(names.size()); ++c)
        categories->addAction(
            QString::fromStdString(names[static_cast<size_t>(c)]), this,
            [this, c] { addTopByRevenue(m_document->data()->panel.productCount(), c); });
    menu->addSeparator();
    menu->addAction(tr("New Product..."), this, &CampaignSetup::chooseNewProduct)
        ->setToolTip(tr("A product without sales history, forecast from products like it"));
}

void CampaignSetup::chooseCampaignFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load campaign"), QString(),
                                                      tr("Campaign CSV (*.csv);;All files (*)"));
    if (!path.isEmpty())
        loadCampaignFile(path);
}

bool CampaignSetup::loadCampaignFile(const QString& path)
{
    if (!m_document->hasData())
        return false;
    plan::CampaignFile file = plan::readCampaignFile(path.toStdString(), m_document->data()->panel);
    if (!file.problems.empty()) {
        QStringList lines;
        for (const Problem& p : file.problems)
            lines << problemText(p);
        QMessageBox box(QMessageBox::Warning, tr("Cannot load the campaign"),
                        tr("The campaign file has %n problem(s); nothing was changed.", nullptr,
                           static_cast<int>(file.problems.size())),
                        QMessageBox::Ok, this);
        box.setDetailedText(lines.join('\n'));
        box.exec();
        return false;
    }
    const QString name = QFileInfo(path).fileName();
    if (file.newProducts.empty())
        return applyCampaignFile(file, {}, 0, name);
    // Skus without history are placed among their peers as the command line does; one that cannot
    // be is listed, never a refusal.
    const int newProducts = static_cast<int>(file.newProducts.size());
    const int known = static_cast<int>(file.products.size());
    return placeNewProducts(std::move(file), [this, name, newProducts,
                                              known](const PlacedProducts& placed) {
        QStringList notes;
        for (Problem warning : placed.warnings) {
            warning.file.clear(); // the notice names the file once
            notes << problemText(warning);
        }
        const int skipped = newProducts - (static_cast<int>(placed.file.products.size()) - known);
        applyCampaignFile(placed.file, notes, skipped, name);
    });
}

bool CampaignSetup::applyCampaignFile(const plan::CampaignFile& file, QStringList notes,
                                      int skipped, const QString& name)
{
    const PlannerData& planner = *m_document->data();
    PlannerState next = m_document->state();
    next.campaign.products.clear();
    next.discounts.clear();
    next.locked.clear();
    next.limits.clear();
    for (const plan::CampaignProduct& cp : file.products) {
        if (!planner.modelKnows[static_cast<size_t>(cp.product)]) {
            notes << notInModel(planner.panel, cp.product);
            ++skipped;
            continue;
        }
        next.campaign.products.push_back(cp);
        next.discounts.push_back(cp.minDiscount);
        next.locked.push_back(false);
        next.limits.push_back(plan::Limit::None);
    }
    if (skipped > 0)
        showSkipped(tr("%1: %n product(s) skipped, the rest loaded:", nullptr, skipped).arg(name),
                    notes);
    else if (!notes.isEmpty())
        showSkipped(tr("%1: loaded, with notes:").arg(name), notes);
    else
        m_skipped->setVisible(false);
    if (next.campaign.products.empty()) {
        QMessageBox::warning(this, tr("Cannot load the campaign"),
                             tr("No product of %1 can be planned; nothing was changed.").arg(name));
        return false;
    }
    m_document->editState(next, tr("Load %1").arg(name));
    emit campaignLoaded();
    return true;
}

bool CampaignSetup::placeNewProducts(plan::CampaignFile file, AfterPlacing then)
{
    if (!m_document->hasData() || m_placeJob->isRunning())
        return false;
    m_afterPlacing = std::move(then);
    // On a new copy: the document's data stays shared read-only with the views and the
    // optimizer. A trained model cannot be copied, so the history and the model are read again
    // and the new products placed before are placed again first, alike and in the same order
    // (the same panel indices).
    std::shared_ptr<const PlannerData> base = m_document->data();
    const std::string path = m_projectPath.toStdString();
    return m_placeJob->start(tr("Placing new products among their peers"),
                             [base, path, before = base->newProducts(),
                              file = std::move(file)](const ProgressFn& progress) {
                                 PlacedProducts placed;
                                 placed.base = base;
                                 PlannerData read = PlannerData::read(path, progress);
                                 read.addNewProducts(before);
                                 placed.file = file;
                                 placed.warnings = plan::placeNewProducts(placed.file, read);
                                 placed.data = std::make_shared<const PlannerData>(std::move(read));
                                 return placed;
                             }) != 0;
}

void CampaignSetup::placed(const PlacedProducts& placed)
{
    const AfterPlacing then = std::exchange(m_afterPlacing, {});
    // Placed on data the document no longer shows (another project or model): dropped.
    if (placed.base != m_document->data() || !m_document->extendData(placed.data))
        return;
    if (then)
        then(placed);
}

bool CampaignSetup::addNewProduct(const NewProductEntry& entry)
{
    if (!m_document->hasData())
        return false;
    const QString problem = newProductEntryProblem(entry, *m_document->data(), m_document->state());
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot add the new product"), problem);
        return false;
    }
    plan::NewCampaignProduct n;
    n.product = entry.product;
    plan::CampaignFile file;
    file.newProducts.push_back(n);
    const std::optional<double> stock = entry.stock;
    const QString sku = QString::fromStdString(entry.product.sku);
    return placeNewProducts(std::move(file), [this, stock, sku](const PlacedProducts& placed) {
        if (placed.file.products.empty()) {
            QStringList why;
            for (const Problem& warning : placed.warnings)
                why << problemMessage(warning);
            QMessageBox::warning(this, tr("Cannot add the new product"), why.join('\n'));
            return;
        }
        // The limits a product added from the list gets, with the stock given.
        plan::CampaignProduct cp =
            defaultProduct(placed.file.products.front().product, AppSettings().plannerDefaults());
        cp.stock = stock;
        PlannerState next = m_document->state();
        next.campaign.products.push_back(cp);
        next.discounts.push_back(cp.minDiscount);
        next.locked.push_back(false);
        next.limits.push_back(plan::Limit::None);
        m_skipped->setVisible(false);
        m_document->editState(next, tr("Add new product %1").arg(sku));
    });
}

void CampaignSetup::chooseNewProduct()
{
    if (!m_document->hasData())
        return;
    NewProductDialog dialog(*m_document->data(), m_document->state(), this);
    if (dialog.exec() == QDialog::Accepted)
        addNewProduct(dialog.entry());
}

void CampaignSetup::removeSelectedProducts()
{
    std::set<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedIndexes())
        rows.insert(index.row());
    if (rows.empty())
        return;
    const PlannerState& now = m_document->state();
    PlannerState next = now;
    next.campaign.products.clear();
    next.discounts.clear();
    next.locked.clear();
    next.limits.clear();
    for (size_t i = 0; i < now.campaign.products.size(); ++i) {
        if (rows.count(static_cast<int>(i)))
            continue;
        next.campaign.products.push_back(now.campaign.products[i]);
        next.discounts.push_back(now.discounts[i]);
        next.locked.push_back(now.locked[i]);
        next.limits.push_back(now.limits[i]);
    }
    m_document->editState(next, tr("Remove %n product(s)", nullptr, static_cast<int>(rows.size())));
}

void CampaignSetup::copySelection()
{
    const QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return;
    int top = INT_MAX, bottom = -1, left = INT_MAX, right = -1;
    for (const QModelIndex& i : selected) {
        top = std::min(top, i.row());
        bottom = std::max(bottom, i.row());
        left = std::min(left, i.column());
        right = std::max(right, i.column());
    }
    QStringList lines;
    for (int r = top; r <= bottom; ++r) {
        QStringList cells;
        for (int c = left; c <= right; ++c)
            cells << m_model->data(m_model->index(r, c), Qt::EditRole).toString();
        lines << cells.join('\t');
    }
    QApplication::clipboard()->setText(lines.join('\n') + '\n');
}

void CampaignSetup::pasteClipboard()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    QString error;
    if (m_model->paste(current.row(), current.column(), QApplication::clipboard()->text(), &error) <
        0)
        QMessageBox::warning(this, tr("Cannot paste"), tr("%1\n\nNothing was changed.").arg(error));
}

bool CampaignSetup::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Paste)) {
            pasteClipboard();
            return true;
        }
        if (key->matches(QKeySequence::Copy)) {
            copySelection();
            return true;
        }
        if (key->matches(QKeySequence::Delete)) {
            removeSelectedProducts();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CampaignSetup::setEditable(bool editable)
{
    m_model->setEditable(editable);
    m_settingsBox->setEnabled(editable);
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_addSelected, m_addMore, m_loadFile, m_remove})
        w->setEnabled(editable && m_document->hasData());
}

} // namespace fp::ui

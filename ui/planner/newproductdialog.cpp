#include "planner/newproductdialog.h"

#include "plan/plannerdata.h"
#include "plan/workingplan.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace fp::ui {

namespace {

// The panel product of a sku, or -1.
int productOfSku(const plan::PlannerData& data, const std::string& sku)
{
    for (int p = 0; p < data.panel.productCount(); ++p)
        if (data.panel.products()[static_cast<size_t>(p)].sku == sku)
            return p;
    return -1;
}

bool inCampaign(const plan::WorkingPlan& plan, int product)
{
    for (const plan::CampaignProduct& cp : plan.campaign.products)
        if (cp.product == product)
            return true;
    return false;
}

// Whether `n` describes a new product placed earlier as it was placed (a list price not given
// and a like item's taken count as the same).
bool placedAlike(const plan::PlannerData& data, const model::NewProduct& n)
{
    for (const model::NewProduct& placed : data.newProducts())
        if (placed.sku == n.sku)
            return placed.name == n.name && placed.likeSku == n.likeSku &&
                   (placed.category == n.category || !n.likeSku.empty()) &&
                   (placed.listPrice == n.listPrice || !(n.listPrice > 0)) &&
                   placed.unitCost == n.unitCost;
    return true;
}

// A spin box whose lowest value means "not given", said by `none`.
QDoubleSpinBox* optionalAmount(const QString& none, QWidget* parent)
{
    auto* spin = new QDoubleSpinBox(parent);
    spin->setRange(0.0, 1e9);
    spin->setDecimals(2);
    spin->setGroupSeparatorShown(true);
    spin->setSpecialValueText(none);
    return spin;
}

} // namespace

QString newProductEntryProblem(const NewProductEntry& entry, const plan::PlannerData& data,
                               const plan::WorkingPlan& plan)
{
    const model::NewProduct& n = entry.product;
    if (n.sku.empty())
        return NewProductDialog::tr("Enter the new product's sku.");
    const QString sku = QString::fromStdString(n.sku);
    if (const int existing = productOfSku(data, n.sku); existing >= 0) {
        if (!data.isNewProduct(existing))
            return NewProductDialog::tr("'%1' already has a sales history: add it with Add "
                                        "Selected or the Add menu.")
                .arg(sku);
        if (inCampaign(plan, existing))
            return NewProductDialog::tr("'%1' is already in the campaign.").arg(sku);
        // Placed earlier (then removed or undone): it comes back as it was placed.
        if (!placedAlike(data, n))
            return NewProductDialog::tr("'%1' was added earlier with other details; give it "
                                        "another sku.")
                .arg(sku);
    }
    if (!n.likeSku.empty()) {
        const int like = productOfSku(data, n.likeSku);
        if (like < 0 || data.isNewProduct(like) || !data.modelKnows[static_cast<size_t>(like)])
            return NewProductDialog::tr("like_sku '%1' is not a product the model knows; leave "
                                        "it empty to place the product among its category.")
                .arg(QString::fromStdString(n.likeSku));
    } else {
        if (n.category.empty())
            return NewProductDialog::tr("Choose a category or a like_sku.");
        if (!(n.listPrice > 0))
            return NewProductDialog::tr("Enter the list price (a like_sku lends its own).");
    }
    return {};
}

NewProductDialog::NewProductDialog(const plan::PlannerData& planner, const plan::WorkingPlan& plan,
                                   QWidget* parent)
    : QDialog(parent), m_data(planner), m_plan(plan), m_sku(new QLineEdit(this)),
      m_name(new QLineEdit(this)), m_category(new QComboBox(this)), m_likeSku(new QLineEdit(this)),
      m_listPrice(optionalAmount(tr("the like item's"), this)),
      m_unitCost(optionalAmount(tr("unknown"), this)),
      m_stock(optionalAmount(tr("unlimited"), this)), m_problem(new QLabel(this))
{
    setWindowTitle(tr("Add New Product"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 60); // the texts and placeholders show
    m_sku->setObjectName("newSku");
    m_name->setObjectName("newName");
    m_category->setObjectName("newCategory");
    m_likeSku->setObjectName("newLikeSku");
    m_listPrice->setObjectName("newListPrice");
    m_unitCost->setObjectName("newUnitCost");
    m_stock->setObjectName("newStock");
    m_stock->setDecimals(0);
    for (const std::string& category : planner.panel.categories())
        m_category->addItem(QString::fromStdString(category));
    m_likeSku->setPlaceholderText(tr("optional: a product it sells like"));
    m_likeSku->setToolTip(tr("Forecast it from this product's demand, at its own price level; "
                             "empty: from the products of its category nearest in price"));
    m_problem->setObjectName("newProductProblem");
    m_problem->setWordWrap(true);
    QPalette red = m_problem->palette();
    red.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    m_problem->setPalette(red);
    m_problem->setVisible(false);

    auto* intro = new QLabel(tr("A product without sales history is forecast from products like "
                                "it (its like item, else its category's) and flagged cold_start."),
                             this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("SKU"), m_sku);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Category"), m_category);
    form->addRow(tr("Like SKU"), m_likeSku);
    form->addRow(tr("List price"), m_listPrice);
    form->addRow(tr("Unit cost"), m_unitCost);
    form->addRow(tr("Stock"), m_stock);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewProductDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewProductDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

NewProductEntry NewProductDialog::entry() const
{
    NewProductEntry e;
    e.product.sku = m_sku->text().trimmed().toStdString();
    e.product.name = m_name->text().trimmed().toStdString();
    e.product.category = m_category->currentText().toStdString();
    e.product.likeSku = m_likeSku->text().trimmed().toStdString();
    e.product.listPrice = m_listPrice->value();
    if (m_unitCost->value() > 0)
        e.product.unitCost = m_unitCost->value();
    if (m_stock->value() > 0)
        e.stock = m_stock->value();
    return e;
}

void NewProductDialog::setEntry(const NewProductEntry& entry)
{
    m_sku->setText(QString::fromStdString(entry.product.sku));
    m_name->setText(QString::fromStdString(entry.product.name));
    m_category->setCurrentText(QString::fromStdString(entry.product.category));
    m_likeSku->setText(QString::fromStdString(entry.product.likeSku));
    m_listPrice->setValue(entry.product.listPrice);
    m_unitCost->setValue(entry.product.unitCost.value_or(0.0));
    m_stock->setValue(entry.stock.value_or(0.0));
}

void NewProductDialog::accept()
{
    const QString problem = newProductEntryProblem(entry(), m_data, m_plan);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}

} // namespace fp::ui

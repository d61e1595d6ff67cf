#pragma once

#include "model/coldstart.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace fp::plan {
struct PlannerData;
struct WorkingPlan;
} // namespace fp::plan

namespace fp::ui {

// A product without sales history the user adds to the campaign by hand: how it is described
// (placed among its peers like a campaign file's new product) and its stock for the window.
struct NewProductEntry
{
    model::NewProduct product;
    std::optional<double> stock; // nullopt: unlimited
};

// Why `entry` cannot be added to `plan` with `data`, or an empty text: a sku is needed and must be
// new (not a product of the history, not already in the campaign), a like_sku must be a product
// the model knows, and the list price must be given unless a like item lends its own.
QString newProductEntryProblem(const NewProductEntry& entry, const plan::PlannerData& data,
                               const plan::WorkingPlan& plan);

// Asks for a new product: sku, name, category (the project's), like_sku (optional), list price,
// unit cost (optional) and stock (optional). OK checks the entry (newProductEntryProblem) and
// says what is wrong in the dialog instead of closing.
class NewProductDialog final : public QDialog
{
    Q_OBJECT
public:
    NewProductDialog(const plan::PlannerData& planner, const plan::WorkingPlan& plan,
                     QWidget* parent = nullptr);

    NewProductEntry entry() const;
    void setEntry(const NewProductEntry& entry);
    void accept() override;

private:
    const plan::PlannerData& m_data;
    const plan::WorkingPlan& m_plan;
    QLineEdit* m_sku;
    QLineEdit* m_name;
    QComboBox* m_category;
    QLineEdit* m_likeSku;
    QDoubleSpinBox* m_listPrice;
    QDoubleSpinBox* m_unitCost;
    QDoubleSpinBox* m_stock;
    QLabel* m_problem;
};

} // namespace fp::ui

#pragma once

#include "settings/appsettings.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLineEdit;

namespace fp::ui {

// Edits the preferences of AppSettings in three groups: the planner's defaults for a new
// campaign, the display (currency, units label, light/dark theme) and the language. Values are
// stored on OK only; Restore Defaults shows the defaults without storing them.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    void accept() override;
    void restoreDefaults();

private:
    QGroupBox* buildPlannerGroup();
    QGroupBox* buildDisplayGroup();
    QGroupBox* buildLanguageGroup();
    void showValues(const PlannerDefaults& planner, const DisplaySettings& display,
                    const QString& language);
    void setDiscountLimits(double minDiscount, double maxDiscount);
    void updateBlendEnabled();
    PlannerDefaults plannerDefaults() const;
    DisplaySettings display() const;

    QDoubleSpinBox* m_minDiscount = nullptr;
    QDoubleSpinBox* m_maxDiscount = nullptr;
    QDoubleSpinBox* m_ladderStep = nullptr;
    QComboBox* m_objective = nullptr;
    QDoubleSpinBox* m_blendWeight = nullptr;
    QLineEdit* m_currency = nullptr;
    QLineEdit* m_unitsLabel = nullptr;
    QComboBox* m_theme = nullptr;
    QComboBox* m_language = nullptr;
};

} // namespace fp::ui

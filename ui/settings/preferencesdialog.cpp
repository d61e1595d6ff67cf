#include "settings/preferencesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fp::ui {

namespace {

// Discounts are fractions in AppSettings and percentages on screen.
constexpr double kPercent = 100.0;

QDoubleSpinBox* percentBox(const QString& name, double low, double high, double step,
                           QWidget* parent)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setObjectName(name);
    box->setRange(low, high);
    box->setSingleStep(step);
    box->setDecimals(1);
    box->setSuffix(QStringLiteral(" %"));
    return box;
}

void selectData(QComboBox* combo, const QVariant& data)
{
    combo->setCurrentIndex(std::max(0, combo->findData(data)));
}

// Gives the label columns of the groups' forms one width, so their fields line up.
void alignLabelColumns(const QList<QGroupBox*>& groups)
{
    QList<QWidget*> labels;
    int width = 0;
    for (const QGroupBox* group : groups) {
        const auto* form = qobject_cast<const QFormLayout*>(group->layout());
        for (int row = 0; form && row < form->rowCount(); ++row)
            if (QLayoutItem* item = form->itemAt(row, QFormLayout::LabelRole);
                item && item->widget()) {
                labels.append(item->widget());
                width = std::max(width, item->widget()->sizeHint().width());
            }
    }
    for (QWidget* label : labels)
        label->setMinimumWidth(width);
}

} // namespace

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));

    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    buttons->button(QDialogButtonBox::Ok)->setToolTip(tr("Save these preferences and close"));
    buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Close without saving any change"));
    QPushButton* restore = buttons->button(QDialogButtonBox::RestoreDefaults);
    restore->setObjectName("restoreDefaultsButton");
    restore->setToolTip(tr("Show the default of every preference here; they are saved when you "
                           "press OK"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    connect(restore, &QPushButton::clicked, this, &PreferencesDialog::restoreDefaults);

    const QList<QGroupBox*> groups{buildPlannerGroup(), buildDisplayGroup(), buildLanguageGroup()};
    alignLabelColumns(groups);
    auto* layout = new QVBoxLayout(this);
    for (QGroupBox* group : groups)
        layout->addWidget(group);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(480);

    const AppSettings settings;
    showValues(settings.plannerDefaults(), settings.display(), settings.language());
}

QGroupBox* PreferencesDialog::buildPlannerGroup()
{
    auto* group = new QGroupBox(tr("Planner defaults"), this);
    const double deepest = AppSettings::kMaxDiscountLimit * kPercent;
    m_minDiscount = percentBox("minDiscount", 0, deepest, 5, group);
    m_minDiscount->setToolTip(tr("The smallest discount the planner may recommend for a product "
                                 "of a new campaign (a campaign file's min_discount overrides "
                                 "it)"));
    m_maxDiscount = percentBox("maxDiscount", 0, deepest, 5, group);
    m_maxDiscount->setToolTip(tr("The deepest discount the planner may recommend for a product "
                                 "of a new campaign (a campaign file's max_discount overrides "
                                 "it)"));
    m_ladderStep = percentBox("ladderStep", AppSettings::kMinLadderStep * kPercent,
                              AppSettings::kMaxLadderStep * kPercent, 0.5, group);
    m_ladderStep->setToolTip(tr("The planner tries every discount from the lowest to the deepest "
                                "in steps of this size: smaller steps are finer but slower"));
    // The two limits stay in order: each bounds the other.
    connect(m_minDiscount, &QDoubleSpinBox::valueChanged, m_maxDiscount,
            &QDoubleSpinBox::setMinimum);
    connect(m_maxDiscount, &QDoubleSpinBox::valueChanged, m_minDiscount,
            &QDoubleSpinBox::setMaximum);

    m_objective = new QComboBox(group);
    m_objective->setObjectName("objective");
    m_objective->addItem(tr("Revenue"), AppSettings::objectiveKey(plan::Objective::Revenue));
    m_objective->addItem(tr("Profit"), AppSettings::objectiveKey(plan::Objective::Profit));
    m_objective->addItem(tr("Blend of profit and revenue"),
                         AppSettings::objectiveKey(plan::Objective::Blend));
    m_objective->setToolTip(tr("What the planner maximizes: revenue (sale price x units), profit "
                               "((sale price - unit cost) x units) or a blend of the two"));
    m_blendWeight = new QDoubleSpinBox(group);
    m_blendWeight->setObjectName("blendWeight");
    m_blendWeight->setRange(0, AppSettings::kMaxBlendWeight);
    m_blendWeight->setDecimals(2);
    m_blendWeight->setSingleStep(0.1);
    m_blendWeight->setToolTip(tr("For the blend objective: profit + weight x revenue. 0 is pure "
                                 "profit; a larger weight favours revenue"));
    connect(m_objective, &QComboBox::currentIndexChanged, this,
            &PreferencesDialog::updateBlendEnabled);

    auto* form = new QFormLayout(group);
    form->addRow(tr("&Lowest discount:"), m_minDiscount);
    form->addRow(tr("&Deepest discount:"), m_maxDiscount);
    form->addRow(tr("Discount &step:"), m_ladderStep);
    form->addRow(tr("&Objective:"), m_objective);
    form->addRow(tr("Revenue &weight:"), m_blendWeight);
    return group;
}

QGroupBox* PreferencesDialog::buildDisplayGroup()
{
    auto* group = new QGroupBox(tr("Display"), this);
    m_currency = new QLineEdit(group);
    m_currency->setObjectName("currencySymbol");
    m_currency->setMaxLength(AppSettings::kMaxCurrencyLength);
    m_currency->setPlaceholderText(tr("none"));
    m_currency->setToolTip(tr("The symbol shown with amounts; leave it empty for none. The "
                              "default comes from your system's locale"));
    m_unitsLabel = new QLineEdit(group);
    m_unitsLabel->setObjectName("unitsLabel");
    m_unitsLabel->setMaxLength(AppSettings::kMaxUnitsLabelLength);
    m_unitsLabel->setPlaceholderText(AppSettings::defaultDisplay().unitsLabel);
    m_unitsLabel->setToolTip(tr("The word for quantities in tables and charts, such as units, "
                                "pcs or pairs"));
    m_theme = new QComboBox(group);
    m_theme->setObjectName("theme");
    m_theme->addItem(tr("System"), AppSettings::themeKey(ColorTheme::System));
    m_theme->addItem(tr("Light"), AppSettings::themeKey(ColorTheme::Light));
    m_theme->addItem(tr("Dark"), AppSettings::themeKey(ColorTheme::Dark));
    m_theme->setToolTip(tr("Light or dark windows and charts; System follows your desktop"));

    auto* form = new QFormLayout(group);
    form->addRow(tr("&Currency symbol:"), m_currency);
    form->addRow(tr("&Units label:"), m_unitsLabel);
    form->addRow(tr("&Theme:"), m_theme);
    return group;
}

QGroupBox* PreferencesDialog::buildLanguageGroup()
{
    auto* group = new QGroupBox(tr("Language"), this);
    m_language = new QComboBox(group);
    m_language->setObjectName("language");
    // Each language is named in itself, so that a reader of it finds it in any translation.
    m_language->addItem(tr("System"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setToolTip(tr("The language of the window; System follows your desktop's "
                              "locale. A change applies the next time FlashPlan starts"));
    auto* note = new QLabel(tr("Applies when FlashPlan next starts."), group);
    note->setObjectName("languageNote");
    note->setWordWrap(true);

    auto* form = new QFormLayout(group);
    form->addRow(tr("L&anguage:"), m_language);
    form->addRow(QString(), note);
    return group;
}

void PreferencesDialog::showValues(const PlannerDefaults& planner, const DisplaySettings& display,
                                   const QString& language)
{
    setDiscountLimits(planner.minDiscount, planner.maxDiscount);
    m_ladderStep->setValue(planner.ladderStep * kPercent);
    selectData(m_objective, AppSettings::objectiveKey(planner.objective));
    m_blendWeight->setValue(planner.blendWeight);
    updateBlendEnabled();
    m_currency->setText(display.currencySymbol);
    m_unitsLabel->setText(display.unitsLabel);
    selectData(m_theme, AppSettings::themeKey(display.theme));
    selectData(m_language, language);
}

void PreferencesDialog::setDiscountLimits(double minDiscount, double maxDiscount)
{
    // Open both ranges first: the old values must not clip the new ones.
    const double deepest = AppSettings::kMaxDiscountLimit * kPercent;
    m_minDiscount->setRange(0, deepest);
    m_maxDiscount->setRange(0, deepest);
    m_minDiscount->setValue(minDiscount * kPercent);
    m_maxDiscount->setValue(maxDiscount * kPercent);
    m_maxDiscount->setMinimum(m_minDiscount->value());
    m_minDiscount->setMaximum(m_maxDiscount->value());
}

void PreferencesDialog::updateBlendEnabled()
{
    m_blendWeight->setEnabled(m_objective->currentData() ==
                              AppSettings::objectiveKey(plan::Objective::Blend));
}

PlannerDefaults PreferencesDialog::plannerDefaults() const
{
    PlannerDefaults planner;
    planner.minDiscount = m_minDiscount->value() / kPercent;
    planner.maxDiscount = m_maxDiscount->value() / kPercent;
    planner.ladderStep = m_ladderStep->value() / kPercent;
    planner.objective = static_cast<plan::Objective>(m_objective->currentIndex());
    planner.blendWeight = m_blendWeight->value();
    return planner;
}

DisplaySettings PreferencesDialog::display() const
{
    DisplaySettings display;
    display.currencySymbol = m_currency->text().trimmed();
    display.unitsLabel = m_unitsLabel->text().trimmed();
    display.theme = static_cast<ColorTheme>(m_theme->currentIndex());
    return display;
}

void PreferencesDialog::accept()
{
    AppSettings settings;
    settings.setPlannerDefaults(plannerDefaults());
    settings.setDisplay(display());
    settings.setLanguage(m_language->currentData().toString());
    QDialog::accept();
}

void PreferencesDialog::restoreDefaults()
{
    showValues(PlannerDefaults(), AppSettings::defaultDisplay(), QString());
}

} // namespace fp::ui

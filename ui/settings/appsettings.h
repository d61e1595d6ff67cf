#pragma once

#include "plan/planresult.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

class QSettings;

namespace fp::ui {

// The light/dark look of the window and its charts.
enum class ColorTheme
{
    System, // whatever the platform's palette is
    Light,
    Dark
};

// What a new campaign in the planner starts with. Discounts are fractions (0.7 = 70% off).
struct PlannerDefaults
{
    double minDiscount = 0.0;
    double maxDiscount = 0.7;
    double ladderStep = 0.05;
    plan::Objective objective = plan::Objective::Revenue;
    double blendWeight = 0.5; // the blend objective: profit + blendWeight x revenue

    bool operator==(const PlannerDefaults&) const = default;
};

// How amounts and quantities are labelled on screen, and the light/dark look.
struct DisplaySettings
{
    QString currencySymbol; // may be empty: amounts are then shown without a symbol
    QString unitsLabel;
    ColorTheme theme = ColorTheme::System;

    bool operator==(const DisplaySettings&) const = default;
};

// The import dialog's remembered choices, as the keys of its combo boxes.
struct ImportChoices
{
    QString delimiter = QStringLiteral("detect");  // detect | comma | semicolon | tab
    QString onDuplicate = QStringLiteral("error"); // error | sum | last

    bool operator==(const ImportChoices&) const = default;
};

// Announces preference changes written through any AppSettings, so that open views can follow
// them at once. Lives on the GUI thread.
class SettingsNotifier final : public QObject
{
    Q_OBJECT
public:
    static SettingsNotifier* instance();

signals:
    void plannerDefaultsChanged();
    void displayChanged(); // currency, units label or theme
    void languageChanged();
};

// Every setting of the application, typed, with its key, default and validation in one place.
// Values read back are always usable: a stored value that is missing, malformed or out of range
// falls back to its default. No other code reads or writes QSettings.
class AppSettings final
{
public:
    static constexpr int kMaxRecentProjects = 8;
    static constexpr double kMaxDiscountLimit = 0.95; // the deepest discount the planner offers
    static constexpr double kMinLadderStep = 0.005;
    static constexpr double kMaxLadderStep = 0.5;
    static constexpr double kMaxBlendWeight = 100.0;
    static constexpr int kMaxCurrencyLength = 8;
    static constexpr int kMaxUnitsLabelLength = 24;

    AppSettings();                                // the application's settings (see useFile)
    explicit AppSettings(const QString& iniPath); // this INI file
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    // Makes every default-constructed AppSettings use this INI file (tests, --settings); an empty
    // path returns to the platform's usual place.
    static void useFile(const QString& iniPath);

    QString fileName() const;
    void sync(); // writes pending changes to disk now instead of later

    // Most recent first, at most kMaxRecentProjects, without files that no longer exist.
    QStringList recentProjects() const;
    void addRecentProject(const QString& path);

    ImportChoices importChoices() const;
    void setImportChoices(const ImportChoices& choices);

    // The main window's QWidget::saveGeometry() and QMainWindow::saveState() (dock layout).
    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray& geometry, const QByteArray& state);

    // A view's own layout (a splitter's sizes, a table header's order, widths and hidden columns,
    // a side panel's tab), saved by the view under its name; empty at first.
    QByteArray viewState(const QString& name) const;
    void setViewState(const QString& name, const QByteArray& state);

    // The folder a chart was last saved to as PNG; the Pictures folder at first, or when that
    // folder no longer exists.
    QString chartExportFolder() const;
    void setChartExportFolder(const QString& folder);

    PlannerDefaults plannerDefaults() const;
    void setPlannerDefaults(const PlannerDefaults& defaults);

    DisplaySettings display() const;
    void setDisplay(const DisplaySettings& display);
    static DisplaySettings defaultDisplay(); // the system's currency symbol, "units", System

    // "" follows the system locale; otherwise one of supportedLanguages(). Applies at next start.
    QString language() const;
    void setLanguage(const QString& language);
    static QStringList supportedLanguages(); // "", "en", "zh_CN"

    static QString themeKey(ColorTheme theme);              // "system", "light", "dark"
    static QString objectiveKey(plan::Objective objective); // "revenue", "profit", "blend"

private:
    double number(const char* key, double fallback, double low, double high) const;
    QString oneOf(const char* key, const QStringList& allowed, const QString& fallback) const;

    std::unique_ptr<QSettings> m_settings;
};

} // namespace fp::ui

#include "settings/appsettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <cmath>

namespace fp::ui {

namespace {

// Every key, in one place. The "recentProjects" and "import/..." keys predate this class and keep
// their names so that earlier settings still load.
namespace key {
constexpr auto recentProjects = "recentProjects";
constexpr auto importDelimiter = "import/delimiter";
constexpr auto importOnDuplicate = "import/onDuplicate";
constexpr auto windowGeometry = "window/geometry";
constexpr auto windowState = "window/state";
constexpr auto viewStatePrefix = "viewState/"; // + the view's name
constexpr auto chartExportFolder = "chartExport/lastFolder";
constexpr auto minDiscount = "planner/minDiscount";
constexpr auto maxDiscount = "planner/maxDiscount";
constexpr auto ladderStep = "planner/ladderStep";
constexpr auto objective = "planner/objective";
constexpr auto blendWeight = "planner/blendWeight";
constexpr auto currencySymbol = "display/currencySymbol";
constexpr auto unitsLabel = "display/unitsLabel";
constexpr auto theme = "display/theme";
constexpr auto language = "language";
} // namespace key

QString& fileOverride()
{
    static QString path;
    return path;
}

// Indexed by the enums' values.
QStringList themeKeys()
{
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
}
QStringList objectiveKeys()
{
    return {QStringLiteral("revenue"), QStringLiteral("profit"), QStringLiteral("blend")};
}

std::unique_ptr<QSettings> openSettings(const QString& iniPath)
{
    if (iniPath.isEmpty())
        return std::make_unique<QSettings>(); // organization and application names of the app
    return std::make_unique<QSettings>(iniPath, QSettings::IniFormat);
}

} // namespace

SettingsNotifier* SettingsNotifier::instance()
{
    // First used on the GUI thread (settings are a GUI-thread affair), destroyed at exit.
    static SettingsNotifier notifier;
    return &notifier;
}

AppSettings::AppSettings() : m_settings(openSettings(fileOverride())) {}

AppSettings::AppSettings(const QString& iniPath) : m_settings(openSettings(iniPath)) {}

AppSettings::~AppSettings() = default;

void AppSettings::useFile(const QString& iniPath)
{
    fileOverride() = iniPath;
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

void AppSettings::sync()
{
    m_settings->sync();
}

double AppSettings::number(const char* key, double fallback, double low, double high) const
{
    bool ok = false;
    const double value = m_settings->value(key).toDouble(&ok);
    return ok && std::isfinite(value) && value >= low && value <= high ? value : fallback;
}

QString AppSettings::oneOf(const char* key, const QStringList& allowed,
                           const QString& fallback) const
{
    const QString value = m_settings->value(key, fallback).toString();
    return allowed.contains(value) ? value : fallback;
}

QStringList AppSettings::recentProjects() const
{
    QStringList recent;
    for (const QString& path : m_settings->value(key::recentProjects).toStringList())
        if (!path.isEmpty() && !recent.contains(path) && QFileInfo::exists(path))
            recent.append(path);
    while (recent.size() > kMaxRecentProjects)
        recent.removeLast();
    return recent;
}

void AppSettings::addRecentProject(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = recentProjects();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecentProjects)
        recent.removeLast();
    m_settings->setValue(key::recentProjects, recent);
}

ImportChoices AppSettings::importChoices() const
{
    const ImportChoices defaults;
    ImportChoices choices;
    choices.delimiter =
        oneOf(key::importDelimiter, {"detect", "comma", "semicolon", "tab"}, defaults.delimiter);
    choices.onDuplicate =
        oneOf(key::importOnDuplicate, {"error", "sum", "last"}, defaults.onDuplicate);
    return choices;
}

void AppSettings::setImportChoices(const ImportChoices& choices)
{
    m_settings->setValue(key::importDelimiter, choices.delimiter);
    m_settings->setValue(key::importOnDuplicate, choices.onDuplicate);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(key::windowGeometry).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(key::windowState).toByteArray();
}

void AppSettings::setWindowLayout(const QByteArray& geometry, const QByteArray& state)
{
    m_settings->setValue(key::windowGeometry, geometry);
    m_settings->setValue(key::windowState, state);
}

QByteArray AppSettings::viewState(const QString& name) const
{
    return m_settings->value(QLatin1String(key::viewStatePrefix) + name).toByteArray();
}

void AppSettings::setViewState(const QString& name, const QByteArray& state)
{
    m_settings->setValue(QLatin1String(key::viewStatePrefix) + name, state);
}

QString AppSettings::chartExportFolder() const
{
    const QString folder = m_settings->value(key::chartExportFolder).toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        return folder;
    return QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
}

void AppSettings::setChartExportFolder(const QString& folder)
{
    m_settings->setValue(key::chartExportFolder, folder);
}

PlannerDefaults AppSettings::plannerDefaults() const
{
    const PlannerDefaults defaults;
    PlannerDefaults result;
    result.minDiscount = number(key::minDiscount, defaults.minDiscount, 0.0, kMaxDiscountLimit);
    result.maxDiscount = number(key::maxDiscount, defaults.maxDiscount, 0.0, kMaxDiscountLimit);
    if (result.minDiscount > result.maxDiscount) {
        // Neither limit can be trusted over the other: both fall back.
        result.minDiscount = defaults.minDiscount;
        result.maxDiscount = defaults.maxDiscount;
    }
    result.ladderStep =
        number(key::ladderStep, defaults.ladderStep, kMinLadderStep, kMaxLadderStep);
    const QString objective =
        oneOf(key::objective, objectiveKeys(), objectiveKey(defaults.objective));
    result.objective = static_cast<plan::Objective>(objectiveKeys().indexOf(objective));
    result.blendWeight = number(key::blendWeight, defaults.blendWeight, 0.0, kMaxBlendWeight);
    return result;
}

void AppSettings::setPlannerDefaults(const PlannerDefaults& defaults)
{
    const PlannerDefaults before = plannerDefaults();
    m_settings->setValue(key::minDiscount, defaults.minDiscount);
    m_settings->setValue(key::maxDiscount, defaults.maxDiscount);
    m_settings->setValue(key::ladderStep, defaults.ladderStep);
    m_settings->setValue(key::objective, objectiveKey(defaults.objective));
    m_settings->setValue(key::blendWeight, defaults.blendWeight);
    if (plannerDefaults() != before)
        emit SettingsNotifier::instance()->plannerDefaultsChanged();
}

DisplaySettings AppSettings::defaultDisplay()
{
    DisplaySettings display;
    display.currencySymbol = QLocale::system().currencySymbol(QLocale::CurrencySymbol);
    display.unitsLabel = QCoreApplication::translate("fp::ui::AppSettings", "units");
    return display;
}

DisplaySettings AppSettings::display() const
{
    DisplaySettings display = defaultDisplay();
    // An empty symbol is a choice (no symbol), so only a missing or too long one falls back.
    if (m_settings->contains(key::currencySymbol)) {
        const QString symbol = m_settings->value(key::currencySymbol).toString().trimmed();
        if (symbol.size() <= kMaxCurrencyLength)
            display.currencySymbol = symbol;
    }
    const QString units = m_settings->value(key::unitsLabel).toString().trimmed();
    if (!units.isEmpty() && units.size() <= kMaxUnitsLabelLength)
        display.unitsLabel = units;
    const QString theme = oneOf(key::theme, themeKeys(), themeKey(ColorTheme::System));
    display.theme = static_cast<ColorTheme>(themeKeys().indexOf(theme));
    return display;
}

void AppSettings::setDisplay(const DisplaySettings& display)
{
    const DisplaySettings before = this->display();
    m_settings->setValue(key::currencySymbol, display.currencySymbol.trimmed());
    m_settings->setValue(key::unitsLabel, display.unitsLabel.trimmed());
    m_settings->setValue(key::theme, themeKey(display.theme));
    if (this->display() != before)
        emit SettingsNotifier::instance()->displayChanged();
}

QStringList AppSettings::supportedLanguages()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString AppSettings::language() const
{
    return oneOf(key::language, supportedLanguages(), QString());
}

void AppSettings::setLanguage(const QString& language)
{
    const QString before = this->language();
    m_settings->setValue(key::language, language);
    if (this->language() != before)
        emit SettingsNotifier::instance()->languageChanged();
}

QString AppSettings::themeKey(ColorTheme theme)
{
    return themeKeys().value(static_cast<int>(theme));
}

QString AppSettings::objectiveKey(plan::Objective objective)
{
    return objectiveKeys().value(static_cast<int>(objective));
}

} // namespace fp::ui

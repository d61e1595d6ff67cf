#include "settings/translation.h"

#include "settings/appsettings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace fp::ui {

namespace {

const QString kEnglish = QStringLiteral("en");
const QString kChinese = QStringLiteral("zh_CN");

// FlashPlan's language for a locale, or "" when FlashPlan has none for it.
QString supportedLanguageOf(const QLocale& locale)
{
    switch (locale.language()) {
    case QLocale::Chinese:
        return kChinese; // the only Chinese FlashPlan has; any Chinese reader prefers it to English
    case QLocale::English:
        return kEnglish;
    default:
        return {};
    }
}

QLocale usualLocaleOf(const QString& language)
{
    if (language == kChinese)
        return QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

// The translators this module installed, so that a new choice replaces them. Owned by the
// application object.
QPointer<QTranslator> installedApp;
QPointer<QTranslator> installedQt;

void uninstall(QPointer<QTranslator>& translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
}

// Loads and installs one .qm file; on failure nothing is installed.
QPointer<QTranslator> install(const QString& fileName, const QString& directory)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(fileName, directory) ||
        !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return nullptr;
    }
    return translator;
}

} // namespace

LanguageChoice chooseLanguage(const QString& preference, const QLocale& system)
{
    if (!preference.isEmpty() && AppSettings::supportedLanguages().contains(preference)) {
        const bool systemSpeaksIt = supportedLanguageOf(system) == preference;
        return {preference, systemSpeaksIt ? system : usualLocaleOf(preference)};
    }
    // uiLanguages() is the user's ordered list (LANGUAGE=fr:zh_CN:en picks Chinese).
    for (const QString& name : system.uiLanguages()) {
        const QString language = supportedLanguageOf(QLocale(name));
        if (!language.isEmpty())
            return {language, system};
    }
    return {kEnglish, system};
}

bool applyLanguage(const LanguageChoice& choice)
{
    if (!QCoreApplication::instance())
        return false;
    uninstall(installedApp);
    uninstall(installedQt);
    QLocale::setDefault(choice.formats);
    // English has a translation too: it gives the plural forms of "%n product(s)".
    installedApp =
        install(QStringLiteral("flashplan_") + choice.language, QStringLiteral(":/i18n"));
    if (choice.language != kEnglish)
        installedQt = install(QStringLiteral("qtbase_") + choice.language,
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return !installedApp.isNull();
}

QString applyLanguageSetting()
{
    const LanguageChoice choice = chooseLanguage(AppSettings().language());
    applyLanguage(choice);
    return choice.language;
}

QString modelDisplayName(const QString& kind)
{
    // The kinds core trains, listed here for lupdate; English keeps the command line's names.
    static const char* const kKinds[] = {QT_TRANSLATE_NOOP("fp::ui::ModelName", "baseline"),
                                         QT_TRANSLATE_NOOP("fp::ui::ModelName", "structured"),
                                         QT_TRANSLATE_NOOP("fp::ui::ModelName", "neural"),
                                         QT_TRANSLATE_NOOP("fp::ui::ModelName", "blend")};
    for (const char* known : kKinds)
        if (kind == QLatin1String(known))
            return QCoreApplication::translate("fp::ui::ModelName", known);
    return kind;
}

} // namespace fp::ui

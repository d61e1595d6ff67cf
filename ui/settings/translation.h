#pragma once

#include <QLocale>
#include <QString>

namespace fp::ui {

// The language FlashPlan is shown in, and the locale its numbers and dates are written in.
struct LanguageChoice
{
    QString language; // "en" or "zh_CN"
    QLocale formats;
};

// Without a preference (""), the first of the system's UI languages that FlashPlan has ("zh_CN"
// for any Chinese, "en"), else "en"; numbers and dates then follow the system locale. A preferred
// language keeps the system's formats when the system speaks it (en_GB keeps its dates) and
// otherwise takes the language's usual ones (zh_CN, en_US).
LanguageChoice chooseLanguage(const QString& preference, const QLocale& system = QLocale::system());

// Shows the application in the chosen language from now on: installs FlashPlan's translation
// and Qt's own (standard buttons, file dialogs) when the system has it, replacing earlier ones,
// and makes QLocale() use the chosen formats. Widgets made before keep their texts. Returns false
// when FlashPlan's translation cannot be loaded (the texts then stay in English).
bool applyLanguage(const LanguageChoice& choice);

// applyLanguage(chooseLanguage(AppSettings().language())); returns the language shown.
QString applyLanguageSetting();

// A demand model's name as core and the command line know it ("baseline", "structured",
// "neural") in the language shown; any other text is returned as it is.
QString modelDisplayName(const QString& kind);

} // namespace fp::ui

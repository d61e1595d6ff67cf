#include "settings/apptheme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>

namespace fp::ui {

namespace {

constexpr auto kFusion = "Fusion";

// The platform's look, taken before this code changes anything, to return to for System.
struct PlatformLook
{
    QString styleName;
    QPalette palette;
};

const PlatformLook& platformLook()
{
    static const PlatformLook look{QApplication::style()->name(), QApplication::palette()};
    return look;
}

bool paletteIsDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() <
           palette.color(QPalette::WindowText).lightness();
}

QPalette darkPalette()
{
    const QColor window(45, 45, 48);
    const QColor base(30, 30, 32);
    const QColor text(232, 232, 232);
    const QColor disabledText(128, 128, 128);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(38, 38, 41));
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabledText);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(53, 53, 57));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(255, 90, 90));
    palette.setColor(QPalette::Light, QColor(75, 75, 80));
    palette.setColor(QPalette::Midlight, QColor(62, 62, 66));
    palette.setColor(QPalette::Mid, QColor(40, 40, 43));
    palette.setColor(QPalette::Dark, QColor(25, 25, 27));
    palette.setColor(QPalette::Shadow, QColor(10, 10, 10));
    palette.setColor(QPalette::Highlight, QColor(42, 130, 218));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(110, 170, 250));
    palette.setColor(QPalette::LinkVisited, QColor(170, 140, 250));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(80, 80, 84));
    return palette;
}

void useStyle(const QString& name)
{
    if (QApplication::style()->name().compare(name, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(name);
}

} // namespace

QIcon applicationIcon()
{
    QIcon builtIn;
    for (const int size : {16, 24, 32, 48, 64, 128, 256, 512})
        builtIn.addFile(
            QStringLiteral(":/icons/%1x%1/apps/io.github.flashplan.FlashPlan.png").arg(size),
            QSize(size, size));
    return QIcon::fromTheme(QStringLiteral("io.github.flashplan.FlashPlan"), builtIn);
}

void applyColorTheme(ColorTheme theme)
{
    const PlatformLook& platform = platformLook();
    switch (theme) {
    case ColorTheme::System:
        useStyle(platform.styleName);
        QApplication::setPalette(platform.palette);
        break;
    case ColorTheme::Light:
        useStyle(kFusion);
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case ColorTheme::Dark:
        useStyle(kFusion);
        QApplication::setPalette(darkPalette());
        break;
    }
}

bool isDarkTheme(ColorTheme theme)
{
    switch (theme) {
    case ColorTheme::Light:
        return false;
    case ColorTheme::Dark:
        return true;
    case ColorTheme::System:
        break;
    }
    return paletteIsDark(platformLook().palette);
}

void followThemeSetting()
{
    platformLook(); // before the first change
    const ColorTheme stored = AppSettings().display().theme;
    if (stored != ColorTheme::System)
        applyColorTheme(stored); // System at start: leave Qt's choice untouched
    static bool following = false;
    if (following)
        return;
    following = true;
    // displayChanged also reports currency and units changes: repaint only for a new theme.
    QObject::connect(SettingsNotifier::instance(), &SettingsNotifier::displayChanged, qApp,
                     [applied = stored]() mutable {
                         const ColorTheme theme = AppSettings().display().theme;
                         if (theme != applied)
                             applyColorTheme(theme);
                         applied = theme;
                     });
}

} // namespace fp::ui

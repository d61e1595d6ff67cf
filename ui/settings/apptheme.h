#pragma once

#include "settings/appsettings.h"

#include <QIcon>

namespace fp::ui {

// FlashPlan's icon from the desktop's icon theme when installed there, else the built-in one
// (PNGs from 16 to 512 pixels, so it stays crisp on high-DPI screens).
QIcon applicationIcon();

// The application's light/dark look. Light and Dark use the Fusion style with its standard or a
// dark palette; System keeps (or gives back) the style and palette the platform chose.
void applyColorTheme(ColorTheme theme);

// Whether the theme draws dark; for System, whether the platform's own palette is dark.
bool isDarkTheme(ColorTheme theme);

// Applies the stored theme now and again whenever the preference changes.
void followThemeSetting();

} // namespace fp::ui

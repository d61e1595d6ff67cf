#include "shell/elidedlabel.h"

#include <QHelpEvent>
#include <QPainter>
#include <QStyle>
#include <QToolTip>

namespace fp::ui {

ElidedLabel::ElidedLabel(QWidget* parent) : QLabel(parent)
{
    setWordWrap(false);
}

QSize ElidedLabel::minimumSizeHint() const
{
    // A few characters: the rest of the row's widgets (and the window's docks) keep their room.
    QSize hint = QLabel::minimumSizeHint();
    hint.setWidth(fontMetrics().averageCharWidth() * 6);
    return hint;
}

bool ElidedLabel::isElided() const
{
    return fontMetrics().horizontalAdvance(text()) > contentsRect().width();
}

void ElidedLabel::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QRect area = contentsRect();
    const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, area.width());
    style()->drawItemText(&painter, area, static_cast<int>(alignment()), palette(), isEnabled(),
                          shown, foregroundRole());
}

bool ElidedLabel::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip && toolTip().isEmpty()) {
        const auto* help = static_cast<QHelpEvent*>(event);
        if (isElided())
            QToolTip::showText(help->globalPos(), text(), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QLabel::event(event);
}

} // namespace fp::ui

#pragma once

#include <QLabel>

namespace fp::ui {

// A one-line label that never widens its layout: a text too long for its width is drawn ending in
// "…", and the whole of it shows as its tooltip. text() stays the whole text.
class ElidedLabel final : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);

    QSize minimumSizeHint() const override;
    // Whether the text is longer than the label is wide (drawn elided).
    bool isElided() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
};

} // namespace fp::ui

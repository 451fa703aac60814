#include "message_bar.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

#include <algorithm>

namespace isv {

MessageBar::MessageBar(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("messageBar"));
    setAutoFillBackground(true);
    setFrameShape(QFrame::StyledPanel);
    applyPalette();
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(8, 4, 8, 4);
    label_ = new QLabel(this);
    label_->setObjectName(QStringLiteral("messageText"));
    label_->setWordWrap(true);
    // A long message wraps in the width the map has: it never asks for more, which would push the docks
    // narrower and leave them so after the bar hides.
    label_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    label_->setMinimumWidth(80);
    // Nor does the bar as a whole (a long button text did): it takes the width it is given, and the button's
    // text is shortened to fit (fitButton).
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Maximum);
    button_ = new QPushButton(this);
    auto* dismiss = new QToolButton(this);
    dismiss->setText(QStringLiteral("✕"));
    dismiss->setToolTip(tr("Dismiss"));
    dismiss->setAutoRaise(true);
    row->addWidget(label_, 1);
    row->addWidget(button_);
    row->addWidget(dismiss);
    connect(button_, &QPushButton::clicked, this, [this] {
        hide();
        // Copied first: the action may show another message, which replaces onButton_.
        if (const auto action = onButton_) action();
    });
    connect(dismiss, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBar::applyPalette() {
    // A tint of the theme's highlight over its window colour, with the theme's text colour: readable in a
    // light and a dark theme alike (a fixed pale yellow lost its text under a dark theme's light text).
    const QPalette theme = QApplication::palette(this);
    const QColor window = theme.color(QPalette::Window), accent = theme.color(QPalette::Highlight);
    // Only the background is the bar's own; the text and everything else follow the theme as it changes.
    QPalette p = palette();
    p.setResolveMask(0);
    const auto mix = [](const QColor& a, const QColor& b, double t) {
        return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                                float(a.greenF() * (1 - t) + b.greenF() * t),
                                float(a.blueF() * (1 - t) + b.blueF() * t));
    };
    p.setColor(QPalette::Window, mix(window, accent, 0.18));
    setPalette(p);
}

void MessageBar::fitButton() {
    // At most half the bar: the rest is the message's. The whole text is in the tooltip when it is cut.
    const int room = std::max(60, width() / 2 - 24);
    const QString shown = button_->fontMetrics().elidedText(buttonText_, Qt::ElideRight, room);
    button_->setText(shown);
    button_->setToolTip(shown == buttonText_ ? QString() : buttonText_);
    button_->setMaximumWidth(room + 24);
}

void MessageBar::resizeEvent(QResizeEvent* event) {
    QFrame::resizeEvent(event);
    if (!buttonText_.isEmpty()) fitButton();
}

void MessageBar::changeEvent(QEvent* event) {
    // A theme change reaches the bar as a palette change; its own setPalette below sends one too (guarded).
    const auto type = event->type();
    if (!applying_ && (type == QEvent::ParentChange || type == QEvent::PaletteChange ||
                       type == QEvent::ApplicationPaletteChange || type == QEvent::StyleChange)) {
        applying_ = true;
        applyPalette();
        applying_ = false;
    }
    QFrame::changeEvent(event);
}

void MessageBar::showMessage(const QString& text, const QString& button, std::function<void()> onButton) {
    label_->setText(text);
    buttonText_ = button;
    fitButton();
    button_->setVisible(!button.isEmpty());
    onButton_ = std::move(onButton);
    applyPalette();
    show();
}

QString MessageBar::text() const {
    return !isHidden() ? label_->text() : QString();
}

QString MessageBar::buttonText() const {
    return !isHidden() && !button_->isHidden() ? buttonText_ : QString();
}

} // namespace isv

#include "message_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace isv {

MessageBar::MessageBar(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("messageBar"));
    setStyleSheet(QStringLiteral("#messageBar { background: #fdf6d8; border-bottom: 1px solid #d8cc9a; }"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(8, 4, 8, 4);
    label_ = new QLabel(this);
    label_->setObjectName(QStringLiteral("messageText"));
    label_->setWordWrap(true);
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

void MessageBar::showMessage(const QString& text, const QString& button, std::function<void()> onButton) {
    label_->setText(text);
    button_->setText(button);
    button_->setVisible(!button.isEmpty());
    onButton_ = std::move(onButton);
    show();
}

QString MessageBar::text() const {
    return !isHidden() ? label_->text() : QString();
}

QString MessageBar::buttonText() const {
    return !isHidden() && !button_->isHidden() ? button_->text() : QString();
}

} // namespace isv

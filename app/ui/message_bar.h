#pragma once
// MessageBar: the non-modal bar above the map, for an offer (with a button) or a problem (without).
#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;

namespace isv {

/// One message at a time, with an optional action button and a dismiss button; hidden until shown.
class MessageBar : public QFrame {
    Q_OBJECT
  public:
    explicit MessageBar(QWidget* parent = nullptr);

    /// Shows `text`; with a `button` text, a button that hides the bar and calls `onButton`.
    void showMessage(const QString& text, const QString& button = {}, std::function<void()> onButton = {});
    /// The shown message, "" when hidden.
    QString text() const;
    /// The shown button's text, "" when hidden or without a button.
    QString buttonText() const;

  protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

  private:
    void applyPalette();
    void fitButton();

    QLabel* label_ = nullptr;
    QPushButton* button_ = nullptr;
    std::function<void()> onButton_;
    bool applying_ = false;
    QString buttonText_; // the button's whole text (shown shortened when the bar is narrow)
};

} // namespace isv

#pragma once
// CompareView: the map as Japan draws it and the map as Russia draws it, kept in step. Side by side (two
// canvases) or as a swipe (the two canvases stacked, the right one shown right of a divider dragged
// across). One view state (centre and scale) is shared: a pan or zoom in either canvas moves the other.
// Each side has a small control row (names, script, claims); both are drawn by the one renderMap.
#include <map_settings.h>

#include <QWidget>

#include <array>
#include <memory>

class QAction;
class QComboBox;
class QLabel;

namespace isv {

class MapCanvas;
class Scene;

class CompareView : public QWidget {
    Q_OBJECT
  public:
    enum class Mode { SideBySide, Swipe };

    explicit CompareView(QWidget* parent = nullptr);

    /// Takes over from `main` while `sideBySide` or `swipe` (checkable, one at a time) is on: shown in its
    /// place, starting at its view and scene; its view goes back to `main` when both are off.
    void attach(MapCanvas* main, QAction* sideBySide, QAction* swipe);
    /// The scene both canvases draw.
    void setScene(std::shared_ptr<const Scene> scene);
    /// Starts from `base` (its view, furniture, notes): each side as it draws it, in `script`.
    void start(const MapSettings& base, const QString& script = QStringLiteral("latin"));
    void setMode(Mode mode);
    Mode mode() const { return mode_; }
    /// Canvas 0 is the left side (Japan's), 1 the right (Russia's).
    MapCanvas* canvas(int side) const { return canvases_[static_cast<std::size_t>(side)]; }
    /// The swipe divider, as a fraction of the width from the left edge: clamped to 0..1.
    double dividerPosition() const { return divider_; }
    void setDividerPosition(double fraction);
    /// The divider's handle (dragged with the mouse in the swipe mode).
    QWidget* dividerHandle() const { return handle_; }
    /// Side `side`'s names and claims (its controls follow).
    void setSide(int side, const NameSet& names, const QStringList& claims);
    /// The swipe's caption of a side, beside the divider ("As Japan draws it ◀").
    QLabel* swipeCaption(int side) const { return captions_[static_cast<std::size_t>(side)]; }
    /// The control row of a side: combo boxes "names", "script", "claims" (tests).
    QWidget* sideControls(int side) const { return controls_[static_cast<std::size_t>(side)]; }

  signals:
    /// The shared view moved (either canvas).
    void viewChanged(const geo::Viewport& viewport);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    QWidget* makeControls(int side);
    void applyControls(int side);
    void syncControls(int side);
    void follow(int from);
    void arrange();

    std::array<MapCanvas*, 2> canvases_{};
    std::array<QWidget*, 2> controls_{};
    std::array<QLabel*, 2> captions_{};
    QWidget* stage_ = nullptr;
    QWidget* handle_ = nullptr;
    Mode mode_ = Mode::SideBySide;
    double divider_ = 0.5;
    bool following_ = false; // a canvas is being moved to follow the other
};

} // namespace isv

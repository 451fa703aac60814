#pragma once
// NotesDock: the Notes dock. Lists the canvas's notes and adds, edits and removes them, each by its id.
#include <map_settings.h>

#include <QDockWidget>

class QListWidget;
class QPushButton;

namespace isv {

class MapCanvas;

/// The notes of `canvas`'s settings, one row each (text, position in the tooltip), with Edit and Remove.
/// It follows the canvas (settingsChanged) and changes notes through MapCanvas::setSettings.
class NotesDock : public QDockWidget {
    Q_OBJECT
  public:
    explicit NotesDock(MapCanvas* canvas, QWidget* parent = nullptr);

    /// The list: one row per MapSettings::notes entry, in order; Qt::UserRole holds the note's id.
    QListWidget* list() const { return list_; }
    /// Asks for a text and adds a note at a lon/lat point (degrees); an empty text or Cancel adds nothing.
    void addNote(geo::Point lonlat);
    /// Asks for a new text for the note `id`; does nothing for an unknown id.
    void editNote(quint64 id);
    void removeNote(quint64 id);
    /// The note whose point or callout is at `px` (logical pixels on the canvas), or 0.
    quint64 noteAt(QPointF px) const;
    /// Makes the row of note `id` the current one.
    void setCurrent(quint64 id);

  private:
    void refresh();
    quint64 currentId() const;
    int indexOf(quint64 id) const;

    MapCanvas* canvas_;
    QListWidget* list_ = nullptr;
    QPushButton* edit_ = nullptr;
    QPushButton* remove_ = nullptr;
    QList<Note> shown_; // the notes the list shows
};

} // namespace isv

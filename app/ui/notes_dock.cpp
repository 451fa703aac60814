#include "notes_dock.h"

#include "map_canvas.h"
#include "status_text.h"

#include <scene.h>

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineF>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace isv {

NotesDock::NotesDock(MapCanvas* canvas, QWidget* parent) : QDockWidget(tr("Notes"), parent), canvas_(canvas) {
    setObjectName(QStringLiteral("notesDock"));
    auto* panel = new QWidget(this);
    list_ = new QListWidget(panel);
    list_->setObjectName(QStringLiteral("noteList"));
    edit_ = new QPushButton(tr("&Edit…"), panel);
    edit_->setObjectName(QStringLiteral("noteEdit"));
    remove_ = new QPushButton(tr("&Remove"), panel);
    remove_->setObjectName(QStringLiteral("noteRemove"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(edit_);
    buttons->addWidget(remove_);
    auto* column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(list_, 1);
    column->addLayout(buttons);
    setWidget(panel);

    const auto updateButtons = [this] {
        edit_->setEnabled(list_->currentRow() >= 0);
        remove_->setEnabled(list_->currentRow() >= 0);
    };
    connect(list_, &QListWidget::currentRowChanged, this, updateButtons);
    updateButtons();
    connect(edit_, &QPushButton::clicked, this, [this] { editNote(currentId()); });
    connect(remove_, &QPushButton::clicked, this, [this] { removeNote(currentId()); });
    connect(list_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { editNote(item->data(Qt::UserRole).toULongLong()); });
    connect(canvas_, &MapCanvas::settingsChanged, this, &NotesDock::refresh);
    refresh();
}

void NotesDock::refresh() {
    const QList<Note>& notes = canvas_->settings().notes;
    if (notes == shown_) return; // most changes are of the view, not of the notes
    shown_ = notes;
    const quint64 current = currentId();
    const int row = list_->currentRow();
    list_->clear();
    for (const Note& n : notes) {
        auto* item = new QListWidgetItem(n.text, list_);
        item->setToolTip(formatLonLat({n.lon, n.lat}));
        item->setData(Qt::UserRole, n.id);
    }
    // The same note stays current; if it went, the row where it was.
    const int same = indexOf(current);
    list_->setCurrentRow(same >= 0 ? same : std::min(row, int(list_->count()) - 1));
}

quint64 NotesDock::currentId() const {
    const QListWidgetItem* item = list_->currentItem();
    return item ? item->data(Qt::UserRole).toULongLong() : 0;
}

int NotesDock::indexOf(quint64 id) const {
    const QList<Note>& notes = canvas_->settings().notes;
    for (int i = 0; i < notes.size(); ++i)
        if (notes[i].id == id) return i;
    return -1;
}

void NotesDock::setCurrent(quint64 id) {
    if (const int i = indexOf(id); i >= 0) list_->setCurrentRow(i);
}

void NotesDock::addNote(geo::Point lonlat) {
    bool ok = false;
    const QString text =
        QInputDialog::getText(this, tr("Add Note"), tr("Note at %1:").arg(formatLonLat(lonlat)),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || text.isEmpty()) return;
    MapSettings s = canvas_->settings();
    const Note note{lonlat.x, lonlat.y, text};
    s.notes.append(note);
    canvas_->setSettings(s);
    setCurrent(note.id);
}

void NotesDock::editNote(quint64 id) {
    const int i = indexOf(id);
    if (i < 0) return;
    const Note note = canvas_->settings().notes[i];
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Edit Note"),
                                               tr("Note at %1:").arg(formatLonLat({note.lon, note.lat})),
                                               QLineEdit::Normal, note.text, &ok)
                             .trimmed();
    // Looked up again: the notes may have changed while the dialog was open.
    const int now = indexOf(id);
    if (!ok || text.isEmpty() || now < 0) return;
    MapSettings s = canvas_->settings();
    s.notes[now].text = text;
    canvas_->setSettings(s);
}

void NotesDock::removeNote(quint64 id) {
    const int i = indexOf(id);
    if (i < 0) return;
    MapSettings s = canvas_->settings();
    s.notes.removeAt(i);
    canvas_->setSettings(s);
}

quint64 NotesDock::noteAt(QPointF px) const {
    const MapSettings& s = canvas_->settings();
    const std::shared_ptr<const Scene>& scene = canvas_->scene();
    if (!scene) return 0;
    for (int i = int(s.notes.size()) - 1; i >= 0; --i) {
        const geo::Point at = s.viewport.toScreen(scene->project({s.notes[i].lon, s.notes[i].lat}));
        if (QLineF(px, QPointF(at.x, at.y)).length() <= 10) return s.notes[i].id;
    }
    // The callouts are where the renderer put them in the frame on screen, labelled with their texts in
    // the notes' order: the n-th callout of a text is the n-th note with that text.
    const Frame& frame = canvas_->frame();
    if (frame.settings.viewport != s.viewport) return 0;
    const RenderReport& r = frame.report;
    for (int k = 0; k < std::min(r.labels.size(), r.labelBoxes.size()); ++k) {
        if (!r.labelBoxes[k].contains(px)) continue;
        auto before = r.labels.mid(0, k).count(r.labels[k]);
        for (const Note& n : s.notes)
            if (n.text == r.labels[k] && before-- == 0) return n.id;
    }
    return 0;
}

} // namespace isv

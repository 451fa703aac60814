#pragma once
// The timeline bar under the map: a slider over the days since the Treaty of Shimoda with the events as
// marks (their names as tooltips), a year box and a Today button. It only chooses a day; the window turns
// the day into MapSettings::dated and the info panel's text.
#include "history.h"

#include <QDate>
#include <QSlider>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QSpinBox;

namespace isv {

/// A slider whose values are days since the timeline's first day, with a mark per event.
class EventSlider : public QSlider {
    Q_OBJECT
  public:
    EventSlider(std::shared_ptr<const History> history, QWidget* parent = nullptr);
    /// The event nearest to `x` (widget pixels) within a few pixels, or null.
    const HistoryEvent* eventAt(int x) const;
    /// The widget x of a day's position on the groove.
    int xOf(QDate day) const;

  protected:
    void paintEvent(QPaintEvent* e) override;
    bool event(QEvent* e) override;

  private:
    std::shared_ptr<const History> history_;
};

/// GUI thread only. Without a timeline (null history) the bar is disabled and its tooltip says why.
class TimelineBar : public QWidget {
    Q_OBJECT
  public:
    TimelineBar(std::shared_ptr<const History> history, const QString& loadError, QWidget* parent = nullptr);

    /// The day shown; invalid: today (the de facto view, the default).
    QDate day() const { return day_; }
    /// The status of every island group on `day` and the event that set the map, as HTML for the info
    /// panel.
    static QString statusHtml(const History& history, QDate day);

  public slots:
    /// Shows `day` (invalid or today: today). Emits dayChosen when it changes.
    void setDay(QDate day);

  signals:
    /// The user chose a day (invalid: today).
    void dayChosen(QDate day);

  private:
    void sync();

    std::shared_ptr<const History> history_;
    QDate day_;
    EventSlider* slider_ = nullptr;
    QSpinBox* year_ = nullptr;
    QPushButton* today_ = nullptr;
    QLabel* label_ = nullptr;
};

} // namespace isv

#include "timeline_bar.h"

#include <translations.h>

#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QToolTip>

namespace isv {

namespace {

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

} // namespace

EventSlider::EventSlider(std::shared_ptr<const History> history, QWidget* parent)
    : QSlider(Qt::Horizontal, parent), history_(std::move(history)) {
    setObjectName(QStringLiteral("timelineSlider"));
    setMouseTracking(true);
}

int EventSlider::xOf(QDate day) const {
    QStyleOptionSlider opt;
    initStyleOption(&opt);
    const QRect groove = style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderGroove, this);
    const QRect handle = style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, this);
    // The handle's centre travels from half a handle in from each end of the groove.
    const int span = groove.width() - handle.width();
    const qint64 value = history_ ? history_->firstDay().daysTo(day) : 0;
    return groove.left() + handle.width() / 2 +
           QStyle::sliderPositionFromValue(minimum(), maximum(), static_cast<int>(value), span);
}

const HistoryEvent* EventSlider::eventAt(int x) const {
    if (!history_) return nullptr;
    const HistoryEvent* best = nullptr;
    int bestDistance = 5; // pixels: the marks are two pixels wide
    for (const HistoryEvent& e : history_->events())
        if (const int d = std::abs(xOf(e.date) - x); d < bestDistance) bestDistance = d, best = &e;
    return best;
}

void EventSlider::paintEvent(QPaintEvent* e) {
    QSlider::paintEvent(e);
    if (!history_) return;
    QPainter p(this);
    p.setPen(QPen(palette().color(QPalette::Highlight), 2));
    for (const HistoryEvent& ev : history_->events()) {
        const int x = xOf(ev.date);
        p.drawLine(x, 0, x, 4);
        p.drawLine(x, height() - 5, x, height() - 1);
    }
}

bool EventSlider::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        if (const HistoryEvent* ev = eventAt(help->pos().x()))
            QToolTip::showText(help->globalPos(),
                               tr("%1 (%2)").arg(ev->name.in(interfaceLanguage()),
                                                 QLocale().toString(ev->date, QLocale::LongFormat)),
                               this);
        else
            QToolTip::hideText();
        return true;
    }
    return QSlider::event(e);
}

TimelineBar::TimelineBar(std::shared_ptr<const History> history, const QString& loadError, QWidget* parent)
    : QWidget(parent), history_(std::move(history)) {
    setObjectName(QStringLiteral("timelineBar"));
    slider_ = new EventSlider(history_, this);
    year_ = new QSpinBox(this);
    year_->setObjectName(QStringLiteral("timelineYear"));
    year_->setToolTip(tr("Year: the map of the last day of that year"));
    today_ = new QPushButton(tr("Today"), this);
    today_->setObjectName(QStringLiteral("timelineToday"));
    label_ = new QLabel(this);
    label_->setMinimumWidth(
        label_->fontMetrics().horizontalAdvance(QStringLiteral("Today (de facto) 0000-00-00")));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(new QLabel(tr("Timeline:"), this));
    layout->addWidget(slider_, 1);
    layout->addWidget(year_);
    layout->addWidget(today_);
    layout->addWidget(label_);

    const QDate today = QDate::currentDate();
    if (!history_) {
        setEnabled(false);
        setToolTip(tr("No timeline: %1").arg(loadError));
        label_->setText(tr("Today"));
        return;
    }
    slider_->setRange(0, static_cast<int>(history_->firstDay().daysTo(today)));
    slider_->setPageStep(365);
    slider_->setToolTip(tr("Drag to see the map of a day since %1; the marks are the events")
                            .arg(history_->firstDay().toString(Qt::ISODate)));
    year_->setRange(history_->firstDay().year(), today.year());
    connect(slider_, &QSlider::valueChanged, this,
            [this](int v) { setDay(history_->firstDay().addDays(v)); });
    connect(year_, &QSpinBox::valueChanged, this, [this](int y) {
        if (const auto d = parseHistoryDay(QString::number(y), QDate::currentDate())) setDay(d.value());
    });
    connect(today_, &QPushButton::clicked, this, [this] { setDay({}); });
    sync();
}

void TimelineBar::setDay(QDate day) {
    if (!history_) return; // no timeline: always today
    if (day.isValid() && (day >= QDate::currentDate() || (history_ && day < history_->firstDay()))) day = {};
    if (day == day_) return sync();
    day_ = day;
    sync();
    emit dayChosen(day_);
}

void TimelineBar::sync() {
    if (!history_) return;
    const QDate shown = day_.isValid() ? day_ : QDate::currentDate();
    const QSignalBlocker a(slider_), b(year_);
    slider_->setValue(static_cast<int>(history_->firstDay().daysTo(shown)));
    year_->setValue(shown.year());
    today_->setEnabled(day_.isValid());
    label_->setText(day_.isValid() ? day_.toString(Qt::ISODate) : tr("Today (de facto)"));
}

QString TimelineBar::statusHtml(const History& history, QDate day) {
    // Names of events, groups and states in the interface language (the timeline's own ja/ru); the notes and
    // each side's position are the file's English.
    const QString lang = interfaceLanguage();
    QString html = QStringLiteral("<b>%1</b>").arg(esc(tr("The map of %1").arg(day.toString(Qt::ISODate))));
    const HistoryEvent* set = history.mapEvent(day);
    if (set)
        html += QStringLiteral("<br><small>%1</small>")
                    .arg(esc(tr("Set by: %1 (%2)").arg(set->name.in(lang), set->date.toString(Qt::ISODate))));
    for (const HistoryGroup& g : history.groups()) {
        const auto s = history.status(g.id, day);
        if (!s) continue;
        QStringList claimants;
        for (const QString& side : s->claimants)
            claimants << history.stateName(side, day, lang);
        QString line = tr("administered by %1; claimed by %2")
                           .arg(history.stateName(s->admin, day, lang), claimants.join(QStringLiteral(", ")));
        if (const auto pop = history.population(g.id, day))
            line += tr("; population %1 (%2, %3)")
                        .arg(pop->second)
                        .arg(pop->first->basis, pop->first->date.toString(Qt::ISODate));
        if (!s->note.isEmpty()) line += QStringLiteral(" (") + s->note + QStringLiteral(")");
        html += QStringLiteral("<br><b>%1</b>: <small>%2</small>").arg(esc(g.name.in(lang)), esc(line));
    }
    // What each side says about the event that set the map, each marked as that side's.
    if (set)
        for (const QString& position : {set->japan, set->russia})
            if (!position.isEmpty()) html += QStringLiteral("<p><small>%1</small></p>").arg(esc(position));
    return html;
}

} // namespace isv

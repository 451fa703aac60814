#include "info_panel.h"

#include "units.h"
#include "worldview.h"

#include "geo/map_data.h"

#include <QComboBox>
#include <QDate>
#include <QDesktopServices>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include <array>
#include <cmath>

namespace isv {

namespace {

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

QString row(const QString& label, const QString& html) {
    return QStringLiteral("<tr><td valign='top'><b>%1</b>&nbsp;</td><td>%2</td></tr>").arg(esc(label), html);
}

QString nameField(const geo::Place& p, const std::string& key) {
    auto it = p.names.find(key);
    return it == p.names.end() ? QString() : QString::fromStdString(it->second);
}

} // namespace

InfoPanel::InfoPanel(std::shared_ptr<const geo::MapData> mapData, QWidget* parent)
    : QWidget(parent), data_(std::move(mapData)) {
    Q_ASSERT(data_);
    std::set<std::string> ids;
    for (const geo::Place& p : data_->places)
        ids.insert(p.id);
    auto loaded = loadFacts(defaultFactsPath(QString::fromStdString(data_->dataDir)), ids);
    if (loaded)
        facts_ = std::move(loaded).value();
    else
        loadError_ = QString::fromStdString(loaded.error().message);

    header_ = new QLabel(this);
    header_->setObjectName(QStringLiteral("articleHeader"));
    header_->setWordWrap(true);
    header_->setTextFormat(Qt::RichText);
    factsView_ = new QTextBrowser(this);
    factsView_->setObjectName(QStringLiteral("factsView"));
    picker_ = new QComboBox(this);
    picker_->setObjectName(QStringLiteral("islandPicker"));
    islandTitle_ = new QLabel(this);
    islandTitle_->setObjectName(QStringLiteral("islandTitle"));
    islandTitle_->setTextFormat(Qt::PlainText);
    QFont big = islandTitle_->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    islandTitle_->setFont(big);
    islandView_ = new QTextBrowser(this);
    islandView_->setObjectName(QStringLiteral("islandView"));

    history_ = new QTextBrowser(this);
    history_->setObjectName(QStringLiteral("historyView"));
    history_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(history_, 2);
    layout->addWidget(header_);
    layout->addWidget(factsView_, 3);
    layout->addWidget(picker_);
    layout->addWidget(islandTitle_);
    layout->addWidget(islandView_, 2);

    for (QTextBrowser* view : {factsView_, islandView_}) {
        view->setOpenLinks(false); // our own schemes (fact:, names:, place:) are handled in onLink
        connect(view, &QTextBrowser::anchorClicked, this, &InfoPanel::onLink);
    }
    connect(picker_, &QComboBox::activated, this, [this](int index) {
        const QString id = picker_->itemData(index).toString();
        selectPlace(id);
        emit placeSelected(id);
    });

    renderFacts();
    refillPicker();
    if (picker_->count() > 0) selectPlace(picker_->itemData(0).toString());
}

void InfoPanel::setNameSet(const NameSet& names) {
    names_ = names;
    refillPicker();
    renderIsland();
    renderFacts(); // the offer button names the set it would switch to, in the current script
}

void InfoPanel::selectPlace(const QString& id) {
    selected_ = id;
    int index = picker_->findData(id);
    if (const geo::Place* p = data_->place(id.toStdString()); index < 0 && p)
        index = picker_->findData(QString::fromStdString(p->parent));
    picker_->setCurrentIndex(index);
    renderIsland();
}

void InfoPanel::activateFact(const QString& id) {
    const Fact* f = facts_ ? facts_->fact(id) : nullptr;
    if (f && !f->places.isEmpty()) emit highlightRequested(f->places);
}

void InfoPanel::setHistory(const QString& html) {
    history_->setHtml(html);
    history_->setVisible(!html.isEmpty());
}

void InfoPanel::onLink(const QUrl& url) {
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("fact")) {
        activateFact(url.path());
    } else if (scheme == QLatin1String("names")) {
        emit nameSetSuggested(offeredNames(url.path()));
    } else if (scheme == QLatin1String("place")) {
        selectPlace(url.path());
        emit placeSelected(url.path());
    } else if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        QDesktopServices::openUrl(url);
    }
}

NameSet InfoPanel::offeredNames(const QString& word) const {
    NameSet ns;
    if (!NameSet::parse(word, names_.scriptWord(), &ns)) NameSet::parse(word, QStringLiteral("latin"), &ns);
    return ns;
}

QString InfoPanel::cite(const QString& source) const {
    QStringList parts;
    for (const QString& id : sourceIds(source)) {
        auto it = facts_->sources.find(id);
        if (it == facts_->sources.end()) {
            parts << QStringLiteral("[%1]").arg(esc(id));
            continue;
        }
        parts << QStringLiteral("<a href='%1' title='%2'>[%3]</a>")
                     .arg(esc(it->second.url), esc(id + QStringLiteral(": ") + it->second.title), esc(id));
    }
    return parts.join(QString());
}

QString InfoPanel::nameOf(const QString& id) const {
    const geo::Place* p = data_->place(id.toStdString());
    const QString label = p ? names_.label(*p) : QString();
    return label.isEmpty() ? id : label;
}

void InfoPanel::refillPicker() {
    const QString current = picker_->currentData().toString();
    picker_->clear();
    for (const std::string& id : geo::disputedGroups())
        if (data_->place(id))
            picker_->addItem(nameOf(QString::fromStdString(id)), QString::fromStdString(id));
    picker_->setCurrentIndex(picker_->findData(current));
}

void InfoPanel::renderFacts() {
    if (!facts_) {
        header_->setText(QStringLiteral("<b>%1</b>").arg(tr("Facts unavailable")));
        // Red that keeps its contrast: dark on a light background, light on a dark one.
        const bool dark = palette().color(QPalette::Base).lightnessF() < 0.5;
        factsView_->setHtml(
            QStringLiteral("<p style='color:%1'>%2</p>")
                .arg(dark ? QStringLiteral("#ff8a80") : QStringLiteral("#a00000"), esc(loadError_)));
        return;
    }
    const ArticleInfo& a = facts_->article;
    const QDate date = QDate::fromString(a.date, Qt::ISODate);
    // The date as the interface language writes it ("Sun 7 January 2024", "2024年1月7日日曜日").
    const QLocale locale = interfaceLocale();
    QStringList byline{!date.isValid() ? a.date
                       : locale.language() == QLocale::English
                           ? locale.toString(date, QStringLiteral("ddd d MMMM yyyy"))
                           : locale.toString(date, QLocale::LongFormat)};
    if (!a.section.isEmpty()) byline << a.section;
    byline << a.publication;
    header_->setText(
        QStringLiteral("<b>%1</b><br><small>%2</small>").arg(esc(a.headline), esc(byline.join(" · "))));
    header_->setToolTip(QStringList{a.dateBasis, a.publicationBasis}.join(QStringLiteral("\n\n")));

    const std::map<QString, QString> confidenceNote{
        {QStringLiteral("✔"), tr("sources agree")},
        {QStringLiteral("~"), tr("sources disagree: read the note")},
        {QStringLiteral("?"), tr("not verified")}};
    QString html = QStringLiteral("<ul style='margin-left:0'>");
    for (const Fact& f : facts_->facts) {
        const QString tip =
            QStringLiteral("“%1”\n— %2").arg(f.quotes.join(QStringLiteral(" […] ")), f.source);
        // Only facts about places are links: clicking one highlights them on the map.
        const QString terms = f.wording.in(interfaceLanguage());
        html += f.places.isEmpty()
                    ? QStringLiteral("<li><span title='%1'>%2</span>").arg(esc(tip), esc(f.text))
                    : QStringLiteral("<li><a href='fact:%1' title='%2'>%3</a>")
                          .arg(esc(f.id), esc(tip), esc(f.text));
        if (!terms.isEmpty()) html += QStringLiteral("<br>%1 %2").arg(esc(terms), cite(f.wording.source));
        if (!f.offerNames.isEmpty())
            html +=
                QStringLiteral(" [<a href='names:%1'>%2</a>]")
                    .arg(esc(f.offerNames), esc(tr("Show %1").arg(offeredNames(f.offerNames).describe())));
        for (const FactContext& c : f.context) {
            auto note = confidenceNote.find(c.confidence);
            html += QStringLiteral("<br><small style='color:%1'>%2 %3 <span title='%4'>%5</span></small>")
                        .arg(mutedColour(), esc(c.text), cite(c.source),
                             esc(note == confidenceNote.end() ? QString() : note->second), esc(c.confidence));
        }
        html += QStringLiteral("</li>");
    }
    html += QStringLiteral("</ul>");
    factsView_->setHtml(html);
}

QString InfoPanel::mutedColour(double share) const {
    const QColor text = palette().color(QPalette::Text), base = palette().color(QPalette::Base);
    const auto mix = [share](double a, double b) {
        return int(std::lround(255 * (a * (1 - share) + b * share)));
    };
    return QColor(mix(text.redF(), base.redF()), mix(text.greenF(), base.greenF()),
                  mix(text.blueF(), base.blueF()))
        .name();
}

void InfoPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange && header_) {
        renderFacts();
        renderIsland();
    }
    QWidget::changeEvent(event);
}

void InfoPanel::renderIsland() {
    const geo::Place* p = data_->place(selected_.toStdString());
    islandTitle_->setText(nameOf(selected_));
    QString html = QStringLiteral("<table cellspacing='3'>");
    if (p) {
        const NameWords& words = NameWords::shipped();
        QStringList lines;
        for (const NameCode& language : words.languages) {
            QStringList forms;
            for (const NameCode& script : words.scripts)
                if (QString n = nameField(*p, (language.code + '_' + script.code).toStdString());
                    !n.isEmpty() && !forms.contains(n))
                    forms << n;
            if (forms.isEmpty()) continue;
            // A name the table marks uncertain (names.csv `uncertain`) says so, with a "?" as on the map.
            if (p->nameUncertain(language.code.toStdString()))
                lines << tr("%1: %2? (uncertain: the sources do not confirm this name)")
                             .arg(mapWord(language.name), forms.join(" · "));
            else
                lines << tr("%1: %2").arg(mapWord(language.name), forms.join(" · "));
        }
        html += row(tr("Names"), esc(lines.join(QLatin1Char('\n'))).replace('\n', "<br>"));
        if (!p->parent.empty()) {
            const QString parent = QString::fromStdString(p->parent);
            html += row(tr("Part of"),
                        QStringLiteral("<a href='place:%1'>%2</a>").arg(esc(parent), esc(nameOf(parent))));
        }
    }
    const IslandFacts* facts = facts_ ? facts_->island(selected_) : nullptr;
    QStringList area;
    if (auto it = data_->figures.find(selected_.toStdString()); it != data_->figures.end())
        area << esc(tr("%1 (computed from GSHHG coastline)").arg(formatArea(it->second.areaKm2)));
    if (facts) {
        // The official figure is Japan's survey (GSI); Russia's side is shown beside it where the facts give
        // one, and a line says why the figure computed from the coastline is larger.
        area << tr("Japan's official figure (GSI survey): %1 %2")
                    .arg(esc(facts->officialArea.text), cite(facts->officialArea.source));
        if (!facts->russianArea.text.isEmpty())
            area << tr("Russian-side figure: %1 %2")
                        .arg(esc(facts->russianArea.text), cite(facts->russianArea.source));
        if (data_->figures.contains(selected_.toStdString()))
            area << esc(
                tr("The computed area is larger: GSHHG draws small islands and islets larger than the "
                   "survey does, and the computed figure includes every islet of the coastline."));
    }
    if (area.isEmpty() && p && (p->kind == "island" || p->kind == "islet")) area << esc(noOutlineText());
    if (!area.isEmpty()) html += row(tr("Area"), area.join("<br>"));
    if (facts) {
        // The English, then the same in the interface language where the sources give it.
        auto sourced = [this](const SourcedText& s) {
            const QString local = s.wording.in(interfaceLanguage());
            return esc(s.text) + QLatin1Char(' ') + cite(s.source) +
                   (local.isEmpty() ? QString()
                                    : QStringLiteral("<br>%1 %2").arg(esc(local), cite(s.wording.source)));
        };
        html += row(tr("Administration"), sourced(facts->adminJapan) + "<br>" + sourced(facts->adminRussia));
        QStringList pop;
        for (const Population& n : facts->population)
            pop << QStringLiteral("%1 (%2, %3) %4")
                       .arg(esc(n.value), esc(n.basis), esc(n.date), cite(n.source));
        if (!pop.isEmpty()) html += row(tr("Population"), pop.join("<br>"));
        html += row(tr("1956 declaration"), sourced(facts->declaration1956));
        html += row(tr("Positions"), sourced(facts->positionJapan) + "<br>" + sourced(facts->positionRussia));
    }
    QStringList islets, settlements;
    for (const geo::Place& child : data_->places) {
        if (QString::fromStdString(child.parent) != selected_) continue;
        const QString id = QString::fromStdString(child.id);
        const QString link = QStringLiteral("<a href='place:%1'>%2</a>").arg(esc(id), esc(nameOf(id)));
        if (child.kind == "islet" || child.kind == "island") islets << link;
        if (child.kind == "settlement") settlements << link;
    }
    if (!islets.isEmpty()) html += row(tr("Islets"), islets.join(QStringLiteral(", ")));
    if (!settlements.isEmpty()) html += row(tr("Settlements"), settlements.join(QStringLiteral(", ")));
    html += QStringLiteral("</table>");
    if (!facts_) html += QStringLiteral("<p><small>%1</small></p>").arg(esc(loadError_));
    islandView_->setHtml(html);
}

} // namespace isv

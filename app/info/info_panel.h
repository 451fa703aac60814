#pragma once
// The info panel: the article's key facts with their fact-sheet context, and the selected island's names
// and figures. All content comes from MapData and the facts file; the panel only arranges it.
#include "facts.h"
#include "name_set.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QTextBrowser;
class QUrl;

namespace geo {
struct MapData;
}

namespace isv {

/// Shows the article and the selected island. Reads defaultFactsPath(data->dataDir) in the constructor;
/// if that fails, the error message takes the place of the facts and the rest still works.
/// GUI thread only.
class InfoPanel : public QWidget {
    Q_OBJECT
  public:
    explicit InfoPanel(std::shared_ptr<const geo::MapData> data, QWidget* parent = nullptr);

    /// The loaded facts, or nullptr if loading failed (see loadError()).
    const FactSheet* facts() const { return facts_ ? &*facts_ : nullptr; }
    QString loadError() const { return loadError_; }
    QString selectedPlace() const { return selected_; }

  public slots:
    /// Follow the map's name set: island titles, the picker and islet names are relabelled.
    void setNameSet(const isv::NameSet& names);
    /// Show a place (an island group, or an islet). Does not emit placeSelected: the caller already knows.
    void selectPlace(const QString& id);
    /// What a click on a fact does: emits highlightRequested with its places (if it has any).
    void activateFact(const QString& id);
    /// The status of the islands on the day the map shows (HTML), above the facts; empty hides it (today).
    void setHistory(const QString& html);

  signals:
    /// The user picked a place in the panel (picker or islet link).
    void placeSelected(QString id);
    /// The user clicked a fact that concerns these places.
    void highlightRequested(QStringList ids);
    /// The user accepted a fact's offer to switch names (e.g. "The Russian names are different").
    void nameSetSuggested(isv::NameSet names);

  protected:
    /// A palette change (a dark theme) draws the panel again in the new colours.
    void changeEvent(QEvent* event) override;

  private:
    /// A colour `share` of the way from the text colour to the background: for secondary text in any theme.
    QString mutedColour(double share = 0.4) const;
    void onLink(const QUrl& url);
    void renderFacts();
    void renderIsland();
    void refillPicker();
    QString cite(const QString& source) const;
    QString nameOf(const QString& id) const;
    NameSet offeredNames(const QString& word) const;

    std::shared_ptr<const geo::MapData> data_;
    std::optional<FactSheet> facts_;
    QString loadError_;
    NameSet names_;
    QString selected_;
    QLabel* header_ = nullptr;
    QTextBrowser* history_ = nullptr;
    QTextBrowser* factsView_ = nullptr;
    QComboBox* picker_ = nullptr;
    QLabel* islandTitle_ = nullptr;
    QTextBrowser* islandView_ = nullptr;
};

} // namespace isv

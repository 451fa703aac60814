// The facts file: the input as a facts JSON file, loaded as the info panel and `isleview info` load it.
#include "harness.h"
#include "support.h"

#include "facts.h"

#include <QString>

#include <cmath>
#include <set>

namespace isvfuzz {
namespace {

// What loadFacts promises of a sheet it returns: every fact has an id, text, quote and source, names known
// places only, and its context cites known sources only; every island is a known place with a positive area.
std::string checkSheet(const isv::FactSheet& sheet, const std::set<std::string>& places) {
    for (const isv::Fact& f : sheet.facts) {
        const std::string id = f.id.toStdString();
        if (f.id.isEmpty() || f.text.isEmpty() || f.quotes.isEmpty() || f.source.isEmpty())
            return "fact '" + id + "' lacks an id, text, quote or source";
        for (const QString& place : f.places)
            if (!places.contains(place.toStdString())) return "fact '" + id + "' names an unknown place";
        for (const isv::FactContext& c : f.context)
            for (const QString& source : isv::sourceIds(c.source))
                if (!sheet.sources.contains(source)) return "fact '" + id + "' cites an unknown source";
    }
    for (const auto& [id, island] : sheet.islands) {
        if (!places.contains(id.toStdString()))
            return "island '" + id.toStdString() + "' is not a known place";
        if (!std::isfinite(island.officialAreaKm2) || island.officialAreaKm2 <= 0)
            return "island '" + id.toStdString() + "' has an official area that is no positive number";
    }
    const QJsonArray json = isv::factsToJson(sheet);
    if (json.size() != static_cast<qsizetype>(sheet.facts.size())) return "factsToJson lost facts";
    return {};
}

} // namespace

std::string fuzzFacts(std::span<const std::uint8_t> input) {
    static const std::set<std::string> places = [] {
        std::set<std::string> ids;
        for (const geo::Place& p : shippedData()->places)
            ids.insert(p.id);
        return ids;
    }();
    const std::filesystem::path file = scratchDir() / "article.json";
    if (!writeFile(file, asText(input))) return "cannot write " + file.string();
    const QString path = QString::fromStdString(file.string());
    auto sheet = isv::loadFacts(path, places);
    if (!sheet) return expectNamed(sheet.error().message, file.string());
    note("loaded " + std::to_string(sheet->facts.size()) + " facts");
    return checkSheet(sheet.value(), places);
}

} // namespace isvfuzz

#include "translations.h"

#include "data_location.h"

#include "worldview.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>
#include <vector>

namespace isv {

namespace {

// The map's words that live in worldviews.json, answered from its "translations" block: data, so that a
// new worldview word is translated where it is written.
class MapWordsTranslator : public QTranslator {
  public:
    explicit MapWordsTranslator(const QHash<QString, QString>& words) : words_(words) {}
    QString translate(const char* context, const char* source, const char* disambiguation,
                      int n) const override {
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        if (qstrcmp(context, "map") != 0) return {};
        return words_.value(QString::fromUtf8(source));
    }
    bool isEmpty() const override { return words_.isEmpty(); }

  private:
    QHash<QString, QString> words_;
};

struct State {
    QString language = QStringLiteral("en");
    std::vector<std::unique_ptr<QTranslator>> installed;
};

State& state() {
    static State s;
    return s;
}

QLocale localeFor(const QString& lang) {
    if (lang == QLatin1String("ja")) return QLocale(QLocale::Japanese, QLocale::Japan);
    if (lang == QLatin1String("ru")) return QLocale(QLocale::Russian, QLocale::Russia);
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

} // namespace

const QStringList& interfaceLanguages() {
    static const QStringList codes{QStringLiteral("en"), QStringLiteral("ja"), QStringLiteral("ru")};
    return codes;
}

QString systemLanguage() {
    for (const QString& name : QLocale::system().uiLanguages()) {
        const QString code = name.section('-', 0, 0).section('_', 0, 0).toLower();
        if (interfaceLanguages().contains(code)) return code;
    }
    return QStringLiteral("en");
}

QString installedTranslationsDir() {
    const QString share = installedShareDir();
    return share.isEmpty() ? QString() : share + QStringLiteral("/translations");
}

bool useLanguage(const QString& asked) {
    State& s = state();
    for (const auto& t : s.installed)
        QCoreApplication::removeTranslator(t.get());
    s.installed.clear();
    const QString lang = interfaceLanguages().contains(asked) ? asked : QStringLiteral("en");
    s.language = lang;
    QLocale::setDefault(localeFor(lang));
    if (lang == QLatin1String("en")) return true;

    const auto install = [&s](std::unique_ptr<QTranslator> t) {
        QCoreApplication::installTranslator(t.get());
        s.installed.push_back(std::move(t));
    };
    // The installed copy first, so that a package's translations can be updated without a rebuild.
    auto own = std::make_unique<QTranslator>();
    const QString file = QStringLiteral("isleview_") + lang;
    const bool found =
        own->load(file, installedTranslationsDir()) || own->load(file, QStringLiteral(":/i18n"));
    if (found) install(std::move(own));
    // Qt's own (standard buttons and dialogs); a system without them keeps Qt's English.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_") + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        install(std::move(qt));
    const auto& words = Worldviews::shipped().translations;
    if (const auto it = words.find(lang); it != words.end())
        install(std::make_unique<MapWordsTranslator>(it->second));
    return found;
}

QString interfaceLanguage() {
    return state().language;
}

QLocale interfaceLocale() {
    return localeFor(state().language);
}

} // namespace isv

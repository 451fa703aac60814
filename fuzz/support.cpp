#include "support.h"
#include "harness.h"

#include <geo/projection.h>

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <unistd.h>

namespace isvfuzz {

const std::vector<Target>& targets() {
    static const std::vector<Target> all{
        {"layer_geojson", &fuzzLayerGeojson},
        {"layer_csv", &fuzzLayerCsv},
        {"layer_shapefile", &fuzzLayerShapefile},
        {"names", &fuzzNames},
        {"facts", &fuzzFacts},
        {"cli", &fuzzCli},
    };
    return all;
}

const Target* findTarget(std::string_view name) {
    for (const Target& t : targets())
        if (name == t.name) return &t;
    return nullptr;
}

std::vector<std::string> splitParts(std::span<const std::uint8_t> input, std::size_t parts) {
    std::vector<std::string> out(parts);
    const std::string_view text = asText(input);
    std::size_t at = 2 * (parts - 1);
    if (at > text.size()) at = text.size();
    for (std::size_t i = 0; i < parts; ++i) {
        std::size_t length = text.size() - at;
        if (i + 1 < parts) {
            const std::size_t header = 2 * i;
            const std::size_t wanted =
                header + 1 < text.size() ? input[header] | (std::size_t(input[header + 1]) << 8) : 0;
            length = std::min(length, wanted);
        }
        out[i] = std::string(text.substr(at, length));
        at += length;
    }
    return out;
}

const std::filesystem::path& scratchDir() {
    static const std::filesystem::path dir = [] {
        std::string pattern = (std::filesystem::temp_directory_path() / "isleview-fuzz-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            std::perror("isleview fuzz: cannot make a scratch folder");
            std::abort();
        }
        // Removed at exit; a crash leaves it behind, with the input that crashed in it.
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(scratchDir(), ec);
        });
        return std::filesystem::path(pattern);
    }();
    return dir;
}

bool writeFile(const std::filesystem::path& file, std::string_view bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out);
}

void ensureApp() {
    if (QCoreApplication::instance() != nullptr) return;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "isleview-fuzz";
    static char* argv[] = {name, nullptr};
    static QGuiApplication app(argc, argv);
}

std::shared_ptr<const geo::MapData> shippedData() {
    static const std::shared_ptr<const geo::MapData> data = [] {
        auto loaded = geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR);
        if (!loaded) {
            std::fprintf(stderr, "isleview fuzz: %s\n", loaded.error().message.c_str());
            std::abort();
        }
        return std::make_shared<const geo::MapData>(std::move(loaded).value());
    }();
    return data;
}

std::shared_ptr<const isv::Scene> shippedScene() {
    static const std::shared_ptr<const isv::Scene> scene = [] {
        ensureApp();
        auto built = isv::Scene::build(shippedData(), geo::kDisplayCrs);
        if (!built) {
            std::fprintf(stderr, "isleview fuzz: %s\n", built.error().message.c_str());
            std::abort();
        }
        return built.value();
    }();
    return scene;
}

void note(const std::string& outcome) {
    static const bool verbose = !qEnvironmentVariableIsEmpty("ISLEVIEW_FUZZ_VERBOSE");
    if (verbose) std::fprintf(stderr, "isleview fuzz: %s\n", outcome.c_str());
}

std::string expectNamed(const std::string& message, const std::string& prefix) {
    note(message);
    if (message.rfind(prefix, 0) == 0 && message.size() > prefix.size()) return {};
    return "the error does not start with '" + prefix + "': " + message;
}

} // namespace isvfuzz

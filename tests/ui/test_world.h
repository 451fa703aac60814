#pragma once
// A small synthetic dataset for the UI tests: the four groups (two named Habomai islets and one unnamed),
// a bit of Hokkaido, both claims and both borders, built in memory so the tests do not depend on the
// shipped data.
#include <scene.h>

#include <memory>

namespace uitest {

std::shared_ptr<const geo::MapData> makeTestData();
/// The test data prepared in the display CRS (EPSG:32655). Built once and shared.
std::shared_ptr<const isv::Scene> testScene();

} // namespace uitest

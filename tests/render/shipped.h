#pragma once
// The shipped data and its scene, loaded once for all render tests.
#include "scene.h"

#include <geo/map_data.h>
#include <geo/projection.h>

#include <gtest/gtest.h>

inline std::shared_ptr<const isv::Scene> shippedScene() {
    static const std::shared_ptr<const isv::Scene> scene = [] {
        auto data = geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR);
        EXPECT_TRUE(data.ok()) << (data.ok() ? "" : data.error().message);
        if (!data) return std::shared_ptr<const isv::Scene>();
        auto s = isv::Scene::build(std::make_shared<const geo::MapData>(std::move(data).value()),
                                   geo::kDisplayCrs);
        EXPECT_TRUE(s.ok());
        return s ? s.value() : std::shared_ptr<const isv::Scene>();
    }();
    return scene;
}

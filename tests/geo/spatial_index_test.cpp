#include "geo/spatial_index.h"

#include <gtest/gtest.h>

#include <random>

namespace {

std::vector<geo::Box> randomBoxes(std::mt19937& rng, int n, double world, double maxSize) {
    std::uniform_real_distribution<double> pos(0, world);
    std::uniform_real_distribution<double> size(0, maxSize);
    std::vector<geo::Box> boxes;
    for (int i = 0; i < n; ++i) {
        const double x = pos(rng);
        const double y = pos(rng);
        boxes.push_back({x, y, x + size(rng), y + size(rng)});
    }
    return boxes;
}

std::vector<std::uint32_t> bruteForce(const std::vector<geo::Box>& boxes, const geo::Box& q) {
    std::vector<std::uint32_t> ids;
    for (std::uint32_t i = 0; i < boxes.size(); ++i)
        if (boxes[i].intersects(q)) ids.push_back(i);
    return ids;
}

class SpatialIndexNodeSize : public testing::TestWithParam<int> {};

TEST_P(SpatialIndexNodeSize, AgreesWithBruteForce) {
    std::mt19937 rng(20240607);
    for (const int n : {1, 7, 16, 17, 1000, 5003}) {
        const auto boxes = randomBoxes(rng, n, 1000, 20);
        const geo::SpatialIndex index(boxes, GetParam());
        ASSERT_EQ(index.size(), boxes.size());
        for (const auto& q : randomBoxes(rng, 200, 1000, 150)) {
            const auto got = index.query(q);
            EXPECT_TRUE(std::is_sorted(got.begin(), got.end()));
            EXPECT_EQ(got, bruteForce(boxes, q)) << "n=" << n;
        }
        EXPECT_EQ(index.query({-10, -10, 2000, 2000}).size(), boxes.size());
    }
}

INSTANTIATE_TEST_SUITE_P(NodeSizes, SpatialIndexNodeSize, testing::Values(2, 4, 16, 64));

TEST(SpatialIndex, EmptyIndexAndEmptyBoxes) {
    EXPECT_TRUE(geo::SpatialIndex().query({0, 0, 1, 1}).empty());
    const std::vector<geo::Box> boxes{{0, 0, 1, 1}, geo::Box{}, {2, 2, 3, 3}};
    const geo::SpatialIndex index(boxes);
    EXPECT_EQ(index.query({-1, -1, 5, 5}), (std::vector<std::uint32_t>{0, 2}));
    EXPECT_TRUE(index.query(geo::Box{}).empty());
}

TEST(SpatialIndex, MinimumSizeLeavesOutSmallItemsButNotPoints) {
    std::mt19937 rng(7);
    auto boxes = randomBoxes(rng, 3000, 1000, 20);
    boxes.push_back({500, 500, 500, 500}); // a point
    const geo::SpatialIndex index(boxes);
    const geo::Box q{-1, -1, 1001, 1001};
    const auto got = index.query(q, 10);
    std::vector<std::uint32_t> expected;
    for (std::uint32_t i = 0; i < boxes.size(); ++i)
        if (boxes[i].width() >= 10 || boxes[i].height() >= 10 ||
            (boxes[i].width() == 0 && boxes[i].height() == 0))
            expected.push_back(i);
    EXPECT_EQ(got, expected);
    EXPECT_LT(got.size(), boxes.size() - 500) << "about a quarter of the boxes are under 10 x 10";
    EXPECT_EQ(got.back(), boxes.size() - 1) << "points are never too small";
}

} // namespace

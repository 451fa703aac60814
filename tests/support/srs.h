#pragma once
// A CRS as GDAL reads it, for tests that check what a written file says (header only: no Qt, so the Qt-free
// geo tests use it too).
#include <ogr_spatialref.h>

#include <gtest/gtest.h>

#include <string>

/// `crs` (anything SetFromUserInput takes) in longitude, latitude order; a test failure if GDAL refuses it.
inline OGRSpatialReference srsOf(const std::string& crs) {
    OGRSpatialReference srs;
    EXPECT_EQ(srs.SetFromUserInput(crs.c_str()), OGRERR_NONE) << crs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

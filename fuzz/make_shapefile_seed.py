#!/usr/bin/env python3
"""Packs a shapefile's .shp, .shx and .dbf into one fuzz input for fuzz_layer_shapefile.

    fuzz/make_shapefile_seed.py some.shp fuzz/corpus/layer_shapefile/some

The layout is the one isvfuzz::splitParts reads: the lengths of the .shp and the .shx as little-endian
16-bit numbers, then the three files' bytes in that order (the .dbf takes the rest).
"""
import struct
import sys
from pathlib import Path


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    shp = Path(sys.argv[1])
    parts = [shp.with_suffix(ext).read_bytes() for ext in (".shp", ".shx", ".dbf")]
    if max(len(parts[0]), len(parts[1])) > 0xFFFF:
        print(f"{shp}: the .shp and .shx must be under 64 KiB each", file=sys.stderr)
        return 1
    Path(sys.argv[2]).write_bytes(struct.pack("<HH", len(parts[0]), len(parts[1])) + b"".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())

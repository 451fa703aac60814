// The libFuzzer entry of one target (ISLEVIEW_FUZZ_TARGET names it): an input whose harness reports a
// broken contract aborts, so that libFuzzer keeps it as a crash.
#include "harness.h"

#include <cstdio>
#include <cstdlib>

namespace {
const isvfuzz::Target* target = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    target = isvfuzz::findTarget(ISLEVIEW_FUZZ_TARGET);
    if (target == nullptr) {
        std::fprintf(stderr, "isleview fuzz: no target '%s'\n", ISLEVIEW_FUZZ_TARGET);
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string problem = target->run({data, size});
    if (!problem.empty()) {
        std::fprintf(stderr, "isleview fuzz: %s: %s\n", target->name, problem.c_str());
        std::abort();
    }
    return 0;
}

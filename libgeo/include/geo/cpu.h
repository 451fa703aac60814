#pragma once
// Guarding hot loops against a state of the CPU that other code leaves behind.

namespace geo {

/// Clears the upper halves of the AVX registers (VZEROUPPER) where the CPU has them; a no-op elsewhere.
/// Some code this process runs (seen after Qt's font set-up, on the thread that did it) returns with those
/// halves in use; every SSE instruction after that pays a transition penalty, which made preparing the
/// shipped scene 3.4 times slower (PROJ, libm and this project's loops are SSE code). Called before the
/// heavy loops (projecting a batch of points, drawing a frame's layers); it costs a cycle.
inline void clearUpperVectorState() {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    static const bool avx = __builtin_cpu_supports("avx");
    if (avx) asm volatile("vzeroupper" ::: "memory");
#endif
}

} // namespace geo

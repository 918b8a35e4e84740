// Helper threads at a lower priority than the thread they feed: ingest's extraction workers
// and search index builder yield a contended core to the store's writer, which alone can
// write the database and so sets the pace (issue 16: 20-35% more articles per second on two
// cores).
#pragma once

namespace newsfacts {

// How many nice steps a helper thread runs below the thread that started it.
inline constexpr int kHelperThreadNiceSteps = 10;

// Lowers the calling thread's scheduling priority by kHelperThreadNiceSteps (nice values are
// per thread on Linux), to at most nice 19. Best effort: where the system refuses, the thread
// keeps its priority.
void LowerThreadPriority();

}  // namespace newsfacts

// Helper threads at a lower priority than the thread they feed: ingest's extraction workers
// and search index builder yield a contended core to the store's writer, which alone can
// write the database and so sets the pace (issue 16).
#pragma once

namespace newsfacts {

// How many nice steps a helper thread runs below the thread that started it. Few: the writer
// gets about twice a helper's share of a contended core (8% more articles per second over 105
// MB on two idle cores), while a helper still gets half the share of another program's thread;
// ten steps gave 15% on idle cores but halved ingest's speed beside two busy programs.
// Not SCHED_IDLE either. With the rule builder and the warm-up in SCHED_IDLE (and the stream's
// reader and writer in SCHED_BATCH) the reader stayed off the worker's core: 20 MB through
// `extract --input jsonl` preempted the worker 0-6 times instead of 14-98. But beside two busy
// programs a 4.8 MB stream then took 2.5-9.8 s instead of 0.6-0.7 s: its worker waited for rule
// compilations the starved helper held, and an unprivileged thread cannot leave SCHED_IDLE.
inline constexpr int kHelperThreadNiceSteps = 3;

// Lowers the calling thread's scheduling priority by kHelperThreadNiceSteps (nice values are
// per thread on Linux), to at most nice 19. Best effort: where the system refuses, the thread
// keeps its priority.
void LowerThreadPriority();

}  // namespace newsfacts

// How the threads around the extraction workers share the cores with them (issue 16): helpers
// run below the thread they feed, work that only saves time later runs on idle cores alone, and
// the threads that feed and drain the workers never take a worker's core when they wake.
#pragma once

namespace newsfacts {

// How many nice steps a helper thread runs below the thread that started it. Few: the writer
// gets about twice a helper's share of a contended core (8% more articles per second over 105
// MB on two idle cores), while a helper still gets half the share of another program's thread;
// ten steps gave 15% on idle cores but halved ingest's speed beside two busy programs.
inline constexpr int kHelperThreadNiceSteps = 3;

// Lowers the calling thread's scheduling priority by kHelperThreadNiceSteps (nice values are
// per thread on Linux), to at most nice 19. Best effort: where the system refuses, the thread
// keeps its priority.
void LowerThreadPriority();

// Puts the calling thread in Linux's SCHED_IDLE class: it runs only on a core no other thread
// wants, and a thread waking there takes the core at once. For work that only saves the
// workers time later and that a worker does itself when it is not done (compiling the rules
// while the first stages run, warming the stages): at normal priority it held the spare core,
// so the reader, waking, took the worker's (issue 16). A thread in a real-time class keeps it;
// best effort.
void RunOnlyOnIdleCores();

// Puts the calling thread in Linux's SCHED_BATCH class: it keeps its share of the cores, but
// waking it preempts no running thread; it waits for a free core or the end of a time slice.
// For the threads that feed and drain the workers, which wake at every batch: each wake-up took
// the worker's core for a moment, 75 to 90 times in a 20 MB stream (issue 16). A thread in a
// real-time or the idle class keeps it; best effort.
void YieldOnWakeUp();

// YieldOnWakeUp for the calling thread while it lives, then its scheduling class as before.
class ScopedYieldOnWakeUp {
 public:
  ScopedYieldOnWakeUp();
  ~ScopedYieldOnWakeUp();
  ScopedYieldOnWakeUp(const ScopedYieldOnWakeUp&) = delete;
  ScopedYieldOnWakeUp& operator=(const ScopedYieldOnWakeUp&) = delete;

 private:
  int policy_;  // the class before, or -1 when it was kept
};

}  // namespace newsfacts

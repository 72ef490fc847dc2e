// C++ thread_local through std::thread: a thread_local std::string built from its initialiser in every thread, a
// thread_local object whose constructor and destructor run once per thread that touches it, counted with atomics,
// and a result table guarded by a std::mutex. main prints after joining, in thread order.
#include <atomic>
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int kThreads = 4;

std::atomic<int> constructed{0};
std::atomic<int> destroyed{0};
std::atomic<long> letters{0};

struct Tally {
  int hits = 0;
  std::vector<int> seen;
  Tally() { constructed.fetch_add(1); }
  ~Tally() { destroyed.fetch_add(1); }
};

thread_local std::string name = "thread";
thread_local Tally tally;
thread_local int visits = 100;

std::mutex results_lock;
std::vector<std::string> results(kThreads);

void work(int index) {
  bool fresh = name == "thread" && visits == 100;
  name += "-" + std::to_string(index);
  for (int i = 0; i <= index; i++) {
    tally.hits++;
    tally.seen.push_back(index * 10 + i);
    visits++;
  }
  letters.fetch_add(static_cast<long>(name.size()));
  std::ostringstream line;
  line << name << " fresh=" << (fresh ? "yes" : "no") << " hits=" << tally.hits << " visits=" << visits
       << " last=" << tally.seen.back();
  std::lock_guard<std::mutex> guard(results_lock);
  results[index] = line.str();
}

}  // namespace

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; i++) {
    threads.emplace_back(work, i);
  }
  for (auto &thread : threads) {
    thread.join();
  }
  for (const auto &result : results) {
    std::cout << result << "\n";
  }
  std::cout << "worker tallies constructed " << constructed.load() << ", destroyed " << destroyed.load() << "\n";
  std::cout << "letters " << letters.load() << "\n";
  // main's first use of a thread_local of this file constructs main's own tally too.
  std::cout << "main: " << name << " visits=" << visits << " hits=" << tally.hits << "\n";
  std::cout << "tallies constructed " << constructed.load() << ", destroyed " << destroyed.load() << "\n";
  return 0;
}

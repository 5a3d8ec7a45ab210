// A mutex, its scoped lock and a condition variable that clang's thread-safety analysis can
// check (-Wthread-safety, on in the clang builds: ASan, TSan, fuzz): a member written
// `GUARDED_BY(mu_)` read or written without `mu_` held fails the build. libstdc++'s std::mutex
// carries no annotations, hence these thin wrappers (LevelDB's port::Mutex, Abseil's Mutex).
// Under GCC the annotations are empty and the classes are std::mutex and
// std::condition_variable.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

#if defined(__clang__)
#define BACKSIGNAL_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define BACKSIGNAL_THREAD_ANNOTATION(x)
#endif

#define CAPABILITY(x) BACKSIGNAL_THREAD_ANNOTATION(capability(x))
#define SCOPED_CAPABILITY BACKSIGNAL_THREAD_ANNOTATION(scoped_lockable)
#define GUARDED_BY(x) BACKSIGNAL_THREAD_ANNOTATION(guarded_by(x))
#define PT_GUARDED_BY(x) BACKSIGNAL_THREAD_ANNOTATION(pt_guarded_by(x))
#define REQUIRES(...) BACKSIGNAL_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
#define ACQUIRE(...) BACKSIGNAL_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define RELEASE(...) BACKSIGNAL_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
#define EXCLUDES(...) BACKSIGNAL_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
#define NO_THREAD_SAFETY_ANALYSIS BACKSIGNAL_THREAD_ANNOTATION(no_thread_safety_analysis)

namespace backsignal {

class CAPABILITY("mutex") Mutex {
 public:
  Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() ACQUIRE() { mu_.lock(); }
  void Unlock() RELEASE() { mu_.unlock(); }

 private:
  friend class CondVar;
  std::mutex mu_;
};

// Holds a Mutex for its scope.
class SCOPED_CAPABILITY MutexLock {
 public:
  explicit MutexLock(Mutex& mu) ACQUIRE(mu) : mu_(mu) { mu_.Lock(); }
  ~MutexLock() RELEASE() { mu_.Unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex& mu_;
};

// A condition variable waited on with its Mutex held (it is released while waiting and held
// again on return). Wait in a loop on the condition, in the function that holds the Mutex, so
// that the analysis sees each read of a guarded member under it:
//   while (!ready_) cv_.Wait(mu_);
class CondVar {
 public:
  void Wait(Mutex& mu) REQUIRES(mu) {
    std::unique_lock lock(mu.mu_, std::adopt_lock);
    cv_.wait(lock);
    lock.release();  // still held: the caller's
  }
  // Waits at most until `deadline`; false when it passed.
  template <typename Clock, typename Duration>
  bool WaitUntil(Mutex& mu, const std::chrono::time_point<Clock, Duration>& deadline) REQUIRES(mu) {
    std::unique_lock lock(mu.mu_, std::adopt_lock);
    const bool woken = cv_.wait_until(lock, deadline) == std::cv_status::no_timeout;
    lock.release();
    return woken;
  }
  template <typename Rep, typename Period>
  bool WaitFor(Mutex& mu, const std::chrono::duration<Rep, Period>& timeout) REQUIRES(mu) {
    return WaitUntil(mu, std::chrono::steady_clock::now() + timeout);
  }
  void Signal() { cv_.notify_one(); }
  void SignalAll() { cv_.notify_all(); }

 private:
  std::condition_variable cv_;
};

}  // namespace backsignal

//! Client-side call policies: rate limiting per documented QPS group and retrying of
//! requests that never left the machine. Both take an injectable [`Clock`] so tests
//! run without sleeping.

pub mod ratelimit;
pub mod retry;

pub use ratelimit::{RateLimit, RateLimitMode, RateLimiter};
pub use retry::{Decision, RetryPolicy, StopReason};

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Time source and sleeper. Shared by every thread of a client.
pub trait Clock: Send + Sync {
    /// A monotonic instant.
    fn now(&self) -> Instant;
    /// Block the calling thread for `d`.
    fn sleep(&self, d: Duration);
}

/// The real clock: `Instant::now` and `std::thread::sleep`.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }
    fn sleep(&self, d: Duration) {
        std::thread::sleep(d)
    }
}

/// A clock for tests: time stands still until [`ManualClock::advance`] or `sleep`,
/// which advances it instantly and records the requested duration.
#[derive(Debug)]
pub struct ManualClock {
    start: Instant,
    state: Mutex<ManualState>,
}

#[derive(Debug, Default)]
struct ManualState {
    elapsed: Duration,
    sleeps: Vec<Duration>,
}

impl ManualClock {
    pub fn new() -> Self {
        ManualClock {
            start: Instant::now(),
            state: Mutex::new(ManualState::default()),
        }
    }

    /// Move time forward without recording a sleep.
    pub fn advance(&self, d: Duration) {
        self.lock().elapsed += d;
    }

    /// Time passed since creation.
    pub fn elapsed(&self) -> Duration {
        self.lock().elapsed
    }

    /// Every `sleep` requested so far, in order.
    pub fn sleeps(&self) -> Vec<Duration> {
        self.lock().sleeps.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ManualState> {
        // A panic elsewhere cannot leave this plain data inconsistent.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Default for ManualClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Instant {
        self.start + self.lock().elapsed
    }
    fn sleep(&self, d: Duration) {
        let mut s = self.lock();
        s.elapsed += d;
        s.sleeps.push(d);
    }
}

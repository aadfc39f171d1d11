//! Retry policy: only requests that certainly never reached the server are retried.
//!
//! Rules, in order (see [`RetryPolicy::decide`]):
//! 1. A failure after any request byte was written (`sent`) is never retried: the
//!    provider may have received and billed it.
//! 2. Only connect-phase failures ([`FailureKind::Connect`]) and timeouts before
//!    sending are retried; TLS, configuration and protocol failures do not heal.
//! 3. HTTP responses — throttled (429 / throttle codes) or service errors — are not
//!    failures at all and never reach this policy: they are billed, and the manuals
//!    ask clients not to retry throttled calls.
//! 4. Attempts are bounded (`max_attempts` sends in total) and so is the time spent
//!    (`max_elapsed`, measured from the first send, delays included).
//! 5. Delays grow exponentially with "equal jitter": for the n-th failure the cap is
//!    `min(max_delay, base_delay · 2^(n-1))` and the delay is uniform in
//!    `[cap/2, cap]`.

use super::Clock;
use crate::transport::{FailureKind, TransportFailure};
use std::time::Duration;

/// Retry settings. `Default`: 3 sends in total, 200 ms base delay, 2 s delay cap,
/// 10 s total budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Sends in total, first included; 1 (or 0) disables retrying.
    pub max_attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// A retry whose delay would end later than this after the first send is not made.
    pub max_elapsed: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(2),
            max_elapsed: Duration::from_secs(10),
        }
    }
}

/// Why a failure is not retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// The request may have reached the server.
    MaybeSent,
    /// This kind of failure does not heal by retrying.
    NotRetryable,
    /// `max_attempts` sends were made.
    AttemptsExhausted,
    /// The next delay would exceed `max_elapsed`.
    TimeBudgetExhausted,
}

/// What to do after a failed send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Wait this long, then send again.
    Retry(Duration),
    /// Return the failure to the caller.
    Stop(StopReason),
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// Pure decision after send number `attempt` (1-based) failed with `failure`,
    /// `elapsed` after the first send began. `jitter` ∈ [0, 1] picks the delay within
    /// `[cap/2, cap]` (values outside are clamped).
    pub fn decide(
        &self,
        attempt: u32,
        failure: &TransportFailure,
        elapsed: Duration,
        jitter: f64,
    ) -> Decision {
        if failure.sent() {
            return Decision::Stop(StopReason::MaybeSent);
        }
        if !matches!(failure.kind(), FailureKind::Connect | FailureKind::Timeout) {
            return Decision::Stop(StopReason::NotRetryable);
        }
        if attempt >= self.max_attempts {
            return Decision::Stop(StopReason::AttemptsExhausted);
        }
        let delay = self.delay(attempt, jitter);
        if elapsed.saturating_add(delay) > self.max_elapsed {
            return Decision::Stop(StopReason::TimeBudgetExhausted);
        }
        Decision::Retry(delay)
    }

    /// The jittered delay after failure number `attempt` (1-based).
    pub fn delay(&self, attempt: u32, jitter: f64) -> Duration {
        let exp = attempt.saturating_sub(1).min(31);
        let cap = self
            .base_delay
            .saturating_mul(1u32 << exp)
            .min(self.max_delay);
        let jitter = if jitter.is_nan() {
            0.5
        } else {
            jitter.clamp(0.0, 1.0)
        };
        cap / 2 + (cap / 2).mul_f64(jitter)
    }

    /// Call `send(attempt)` (1-based) until it succeeds or [`decide`](Self::decide)
    /// says stop, sleeping on `clock` between attempts with random jitter. Returns
    /// the last failure.
    pub fn run<T>(
        &self,
        clock: &dyn Clock,
        send: impl FnMut(u32) -> Result<T, TransportFailure>,
    ) -> Result<T, TransportFailure> {
        self.run_with_jitter(clock, random_unit, send)
    }

    /// [`run`](Self::run) with the jitter source given (tests pass a constant).
    pub fn run_with_jitter<T>(
        &self,
        clock: &dyn Clock,
        mut jitter: impl FnMut() -> f64,
        mut send: impl FnMut(u32) -> Result<T, TransportFailure>,
    ) -> Result<T, TransportFailure> {
        let start = clock.now();
        let mut attempt = 1;
        loop {
            match send(attempt) {
                Ok(v) => return Ok(v),
                Err(failure) => {
                    let elapsed = clock.now().saturating_duration_since(start);
                    match self.decide(attempt, &failure, elapsed, jitter()) {
                        Decision::Retry(delay) => clock.sleep(delay),
                        Decision::Stop(_) => return Err(failure),
                    }
                }
            }
            attempt += 1;
        }
    }
}

/// A uniform value in [0, 1) from the OS generator (0.5 if it is unavailable: jitter
/// only spreads retries, it protects no secret).
pub fn random_unit() -> f64 {
    match getrandom::u64() {
        Ok(v) => (v >> 11) as f64 / (1u64 << 53) as f64,
        Err(_) => 0.5,
    }
}

//! Rate limiter and retry policy, driven by fake clocks: nothing sleeps for real and
//! nothing asserts on wall-clock timing.

use cnvision::catalog::QpsGroup;
use cnvision::policy::{
    Clock, Decision, ManualClock, RateLimit, RateLimitMode, RateLimiter, RetryPolicy, StopReason,
};
use cnvision::transport::{FailureKind, TransportFailure};
use cnvision::ErrorKind;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const MS: Duration = Duration::from_millis(1);

/// A clock frozen in time that records requested sleeps without advancing.
struct FrozenClock {
    at: Instant,
    sleeps: Mutex<Vec<Duration>>,
}

impl FrozenClock {
    fn new() -> Self {
        FrozenClock {
            at: Instant::now(),
            sleeps: Mutex::new(Vec::new()),
        }
    }
}

impl Clock for FrozenClock {
    fn now(&self) -> Instant {
        self.at
    }
    fn sleep(&self, d: Duration) {
        self.sleeps.lock().unwrap().push(d);
    }
}

fn limiter(
    overrides: Vec<(QpsGroup, RateLimit)>,
    mode: RateLimitMode,
    clock: Arc<dyn Clock>,
) -> RateLimiter {
    RateLimiter::new(overrides, mode, clock).expect("valid limits")
}

#[test]
fn documented_defaults() {
    let l = RateLimiter::documented();
    assert_eq!(l.limit(QpsGroup::Safety), RateLimit::qps(5.0));
    assert_eq!(l.limit(QpsGroup::Face), RateLimit::qps(10.0));
    assert_eq!(l.limit(QpsGroup::VideoLiveness), RateLimit::qps(1.0));
    assert_eq!(l.limit(QpsGroup::Huawei), RateLimit::Unlimited);
}

#[test]
fn blocking_spaces_calls_by_one_over_qps() {
    let clock = Arc::new(ManualClock::new());
    let l = limiter(vec![], RateLimitMode::Block, clock.clone());
    for _ in 0..4 {
        l.acquire(QpsGroup::Safety).unwrap();
    }
    // First call free, then one slot every 200 ms (5 QPS).
    assert_eq!(clock.sleeps(), vec![200 * MS; 3]);
    // Idle time refills: after 1 s of quiet the next call goes at once (burst 1).
    clock.advance(Duration::from_secs(1));
    l.acquire(QpsGroup::Safety).unwrap();
    assert_eq!(clock.sleeps().len(), 3);
    // Video liveness is 1 QPS and independent of the safety bucket.
    l.acquire(QpsGroup::VideoLiveness).unwrap();
    l.acquire(QpsGroup::VideoLiveness).unwrap();
    assert_eq!(clock.sleeps().last(), Some(&Duration::from_secs(1)));
}

#[test]
fn burst_allows_that_many_at_once_then_spaces() {
    let clock = Arc::new(ManualClock::new());
    let l = limiter(
        vec![(
            QpsGroup::Face,
            RateLimit::Qps {
                qps: 10.0,
                burst: 3,
            },
        )],
        RateLimitMode::Block,
        clock.clone(),
    );
    for _ in 0..5 {
        l.acquire(QpsGroup::Face).unwrap();
    }
    assert_eq!(clock.sleeps(), vec![100 * MS, 100 * MS]);
}

#[test]
fn fail_fast_refuses_without_reserving() {
    let clock = Arc::new(ManualClock::new());
    let l = limiter(vec![], RateLimitMode::FailFast, clock.clone());
    l.acquire(QpsGroup::Face).unwrap();
    for _ in 0..3 {
        let e = l.acquire(QpsGroup::Face).expect_err("over 10 QPS");
        assert_eq!(e.kind(), ErrorKind::RateLimited);
        assert!(e.message().contains("nothing was sent"), "{e}");
    }
    assert!(clock.sleeps().is_empty());
    // Refusals reserved nothing: after exactly one interval a permit is free again.
    clock.advance(100 * MS);
    l.acquire(QpsGroup::Face).unwrap();
    clock.advance(99 * MS);
    assert!(l.acquire(QpsGroup::Face).is_err());
}

#[test]
fn overrides_disable_and_change_limits() {
    let clock = Arc::new(ManualClock::new());
    let l = limiter(
        vec![
            (QpsGroup::Safety, RateLimit::Unlimited),
            (QpsGroup::Huawei, RateLimit::qps(2.0)),
        ],
        RateLimitMode::Block,
        clock.clone(),
    );
    for _ in 0..50 {
        l.acquire(QpsGroup::Safety).unwrap();
    }
    assert!(clock.sleeps().is_empty(), "safety limit disabled");
    l.acquire(QpsGroup::Huawei).unwrap();
    l.acquire(QpsGroup::Huawei).unwrap();
    assert_eq!(clock.sleeps(), vec![500 * MS]);
}

#[test]
fn invalid_limits_are_configuration_errors() {
    for bad in [
        RateLimit::qps(0.0),
        RateLimit::qps(-1.0),
        RateLimit::qps(f64::NAN),
        RateLimit::qps(f64::INFINITY),
        RateLimit::qps(2e9),
        RateLimit::Qps { qps: 1.0, burst: 0 },
    ] {
        let e = RateLimiter::new(
            [(QpsGroup::Face, bad)],
            RateLimitMode::Block,
            Arc::new(ManualClock::new()),
        )
        .expect_err("invalid");
        assert_eq!(e.kind(), ErrorKind::Configuration, "{bad:?}");
    }
}

#[test]
fn concurrent_callers_get_distinct_slots() {
    // Frozen time: every caller reserves the next slot, so whatever the interleaving,
    // the waits are exactly 0, 1, 2, … intervals.
    let clock = Arc::new(FrozenClock::new());
    let l = Arc::new(limiter(vec![], RateLimitMode::Block, clock.clone()));
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let l = l.clone();
            std::thread::spawn(move || {
                for _ in 0..5 {
                    l.acquire(QpsGroup::Face).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let mut sleeps = clock.sleeps.lock().unwrap().clone();
    sleeps.sort();
    let expected: Vec<Duration> = (1..40).map(|i| 100 * MS * i).collect();
    assert_eq!(sleeps, expected);
}

fn failure(kind: FailureKind, sent: bool) -> TransportFailure {
    TransportFailure::new(kind, sent, "test failure")
}

#[test]
fn retry_decisions_table() {
    let p = RetryPolicy::default(); // 3 attempts, 200 ms base, 2 s cap, 10 s budget
    use FailureKind::*;
    let z = Duration::ZERO;
    let cases: &[(u32, FailureKind, bool, Duration, f64, Decision)] = &[
        // Never retried once anything may have been sent, whatever the kind.
        (1, Io, true, z, 0.0, Decision::Stop(StopReason::MaybeSent)),
        (
            1,
            Timeout,
            true,
            z,
            0.0,
            Decision::Stop(StopReason::MaybeSent),
        ),
        (
            1,
            Connect,
            true,
            z,
            0.0,
            Decision::Stop(StopReason::MaybeSent),
        ),
        (
            1,
            ResponseTooLarge,
            true,
            z,
            0.0,
            Decision::Stop(StopReason::MaybeSent),
        ),
        // Not sent, but not the kind that heals.
        (
            1,
            Tls,
            false,
            z,
            0.0,
            Decision::Stop(StopReason::NotRetryable),
        ),
        (
            1,
            Config,
            false,
            z,
            0.0,
            Decision::Stop(StopReason::NotRetryable),
        ),
        (
            1,
            Protocol,
            false,
            z,
            0.0,
            Decision::Stop(StopReason::NotRetryable),
        ),
        // Connect failures and pre-send timeouts: equal-jitter exponential backoff.
        (1, Connect, false, z, 0.0, Decision::Retry(100 * MS)),
        (1, Connect, false, z, 1.0, Decision::Retry(200 * MS)),
        (1, Timeout, false, z, 0.5, Decision::Retry(150 * MS)),
        (2, Connect, false, z, 0.0, Decision::Retry(200 * MS)),
        (2, Connect, false, z, 1.0, Decision::Retry(400 * MS)),
        // Jitter out of range is clamped.
        (1, Connect, false, z, 7.0, Decision::Retry(200 * MS)),
        (1, Connect, false, z, -1.0, Decision::Retry(100 * MS)),
        // Bounded attempts and time.
        (
            3,
            Connect,
            false,
            z,
            0.0,
            Decision::Stop(StopReason::AttemptsExhausted),
        ),
        (
            9,
            Connect,
            false,
            z,
            0.0,
            Decision::Stop(StopReason::AttemptsExhausted),
        ),
        (
            1,
            Connect,
            false,
            Duration::from_secs(10),
            0.0,
            Decision::Stop(StopReason::TimeBudgetExhausted),
        ),
        (
            1,
            Connect,
            false,
            9_850 * MS,
            0.0,
            Decision::Retry(100 * MS),
        ),
        (
            1,
            Connect,
            false,
            9_901 * MS,
            0.0,
            Decision::Stop(StopReason::TimeBudgetExhausted),
        ),
    ];
    for (i, &(attempt, kind, sent, elapsed, jitter, expected)) in cases.iter().enumerate() {
        let got = p.decide(attempt, &failure(kind, sent), elapsed, jitter);
        assert_eq!(
            got, expected,
            "case {i}: attempt {attempt} {kind:?} sent={sent}"
        );
    }
}

#[test]
fn delay_is_capped_and_never_overflows() {
    let p = RetryPolicy {
        max_attempts: 100,
        ..RetryPolicy::default()
    };
    assert_eq!(p.delay(5, 1.0), Duration::from_secs(2)); // 200ms·16 = 3.2 s → cap 2 s
    assert_eq!(p.delay(5, 0.0), Duration::from_secs(1));
    assert_eq!(p.delay(80, 1.0), Duration::from_secs(2));
    assert_eq!(p.delay(u32::MAX, 0.5), Duration::from_millis(1500));
    assert_eq!(
        RetryPolicy::none().decide(
            1,
            &failure(FailureKind::Connect, false),
            Duration::ZERO,
            0.0
        ),
        Decision::Stop(StopReason::AttemptsExhausted)
    );
}

#[test]
fn run_retries_unsent_failures_then_succeeds() {
    let clock = ManualClock::new();
    let p = RetryPolicy::default();
    let mut calls = Vec::new();
    let out = p.run_with_jitter(
        &clock,
        || 1.0,
        |attempt| {
            calls.push(attempt);
            if attempt < 3 {
                Err(failure(FailureKind::Connect, false))
            } else {
                Ok("response")
            }
        },
    );
    assert_eq!(out.unwrap(), "response");
    assert_eq!(calls, vec![1, 2, 3]);
    assert_eq!(clock.sleeps(), vec![200 * MS, 400 * MS]);
}

#[test]
fn run_stops_on_sent_failure_and_after_budget() {
    let clock = ManualClock::new();
    let p = RetryPolicy::default();
    let mut calls = 0;
    let out: Result<(), _> = p.run(&clock, |_| {
        calls += 1;
        Err(failure(FailureKind::Timeout, true))
    });
    assert!(out.unwrap_err().sent());
    assert_eq!(calls, 1, "a possibly-sent request is never resent");
    assert!(clock.sleeps().is_empty());

    let mut calls = 0;
    let out: Result<(), _> = p.run_with_jitter(
        &clock,
        || 0.0,
        |_| {
            calls += 1;
            Err(failure(FailureKind::Connect, false))
        },
    );
    assert_eq!(out.unwrap_err().kind(), FailureKind::Connect);
    assert_eq!(calls, 3, "max_attempts sends in total");

    // A connect attempt that itself burns the whole time budget is not retried.
    let slow = ManualClock::new();
    let mut calls = 0;
    let out: Result<(), _> = p.run_with_jitter(
        &slow,
        || 0.0,
        |_| {
            calls += 1;
            slow.advance(Duration::from_secs(10));
            Err(failure(FailureKind::Timeout, false))
        },
    );
    assert!(out.is_err());
    assert_eq!(calls, 1);
}

#[test]
fn random_jitter_is_in_unit_interval() {
    for _ in 0..100 {
        let j = cnvision::policy::retry::random_unit();
        assert!((0.0..1.0).contains(&j), "{j}");
    }
}

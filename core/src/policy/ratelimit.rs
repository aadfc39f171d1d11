//! Client-side rate limiting per [`QpsGroup`], so a busy client stays under the
//! documented provider limits (safety 5 QPS, face 10 QPS, video liveness 1 QPS) instead
//! of collecting billed throttle errors.
//!
//! Algorithm: GCRA (the virtual-scheduling form of a token bucket) with `burst` tokens.
//! Each permit reserves the next slot `1/qps` after the previous one; a caller whose
//! slot lies in the future either sleeps until it (`Block`) or gets a RateLimited error
//! without reserving anything (`FailFast`). Hand-written because it is a dozen lines
//! of arithmetic and must take the injectable [`Clock`]; no crate offers both.

use super::{Clock, SystemClock};
use crate::catalog::QpsGroup;
use crate::error::{Error, ErrorKind, Result};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The limit applied to one group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RateLimit {
    /// No client-side limit.
    Unlimited,
    /// At most `qps` permits per second on average, at most `burst` at once.
    /// `burst: 1` (the default) spaces calls evenly, which no server-side window
    /// can mistake for a burst.
    Qps { qps: f64, burst: u32 },
}

impl RateLimit {
    /// `qps` permits per second, burst 1.
    pub fn qps(qps: f64) -> Self {
        RateLimit::Qps { qps, burst: 1 }
    }

    /// The documented default of `group` (`QpsGroup::default_qps`).
    pub fn documented(group: QpsGroup) -> Self {
        group
            .default_qps()
            .map_or(RateLimit::Unlimited, RateLimit::qps)
    }

    fn validate(self, group: QpsGroup) -> Result<()> {
        match self {
            RateLimit::Qps { qps, burst } if !(qps.is_finite() && qps > 0.0) || burst == 0 => {
                Err(Error::config(format!(
                    "rate limit for {group:?}: qps must be a positive finite number and burst ≥ 1 (got qps {qps}, burst {burst})"
                )))
            }
            // 1/qps must be at least a nanosecond and representable.
            RateLimit::Qps { qps, .. } if qps > 1e9 => {
                Err(Error::config(format!("rate limit for {group:?}: qps {qps} above 1e9")))
            }
            _ => Ok(()),
        }
    }
}

/// What a caller over the limit experiences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RateLimitMode {
    /// Sleep until the reserved slot (default).
    #[default]
    Block,
    /// Return an [`ErrorKind::RateLimited`] error at once; nothing is sent.
    FailFast,
}

/// Thread-safe limiter holding one bucket per group. The lock is held only for the
/// slot arithmetic, never while sleeping.
pub struct RateLimiter {
    overrides: HashMap<QpsGroup, RateLimit>,
    mode: RateLimitMode,
    clock: Arc<dyn Clock>,
    /// Theoretical arrival time of the next permit, per group.
    next_slot: Mutex<HashMap<QpsGroup, Instant>>,
}

impl std::fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimiter")
            .field("overrides", &self.overrides)
            .field("mode", &self.mode)
            .finish_non_exhaustive()
    }
}

impl RateLimiter {
    /// Documented limits, with `overrides` replacing them per group. Fails with a
    /// Configuration error on a non-positive or non-finite qps or a zero burst.
    pub fn new(
        overrides: impl IntoIterator<Item = (QpsGroup, RateLimit)>,
        mode: RateLimitMode,
        clock: Arc<dyn Clock>,
    ) -> Result<Self> {
        let overrides: HashMap<_, _> = overrides.into_iter().collect();
        for (group, limit) in &overrides {
            limit.validate(*group)?;
        }
        Ok(RateLimiter {
            overrides,
            mode,
            clock,
            next_slot: Mutex::new(HashMap::new()),
        })
    }

    /// Documented limits, blocking, real clock.
    pub fn documented() -> Self {
        RateLimiter {
            overrides: HashMap::new(),
            mode: RateLimitMode::Block,
            clock: Arc::new(SystemClock),
            next_slot: Mutex::new(HashMap::new()),
        }
    }

    /// The limit in force for `group`.
    pub fn limit(&self, group: QpsGroup) -> RateLimit {
        self.overrides
            .get(&group)
            .copied()
            .unwrap_or_else(|| RateLimit::documented(group))
    }

    pub fn mode(&self) -> RateLimitMode {
        self.mode
    }

    /// Take one permit for `group`: returns at once, after sleeping until the permit's
    /// slot (`Block`), or with a RateLimited error (`FailFast`, nothing reserved).
    pub fn acquire(&self, group: QpsGroup) -> Result<()> {
        let RateLimit::Qps { qps, burst } = self.limit(group) else {
            return Ok(());
        };
        let interval = Duration::from_secs_f64(1.0 / qps);
        let tolerance = interval * (burst - 1);
        let wait = {
            let mut slots = self.next_slot.lock().unwrap_or_else(|p| p.into_inner());
            let now = self.clock.now();
            let tat = slots.get(&group).copied().unwrap_or(now).max(now);
            let allowed_at = tat.checked_sub(tolerance).unwrap_or(now);
            let wait = allowed_at.saturating_duration_since(now);
            if !wait.is_zero() && self.mode == RateLimitMode::FailFast {
                return Err(Error::new(
                    ErrorKind::RateLimited,
                    format!(
                        "local rate limit for {group:?} ({qps} QPS) reached; next permit in {} ms; nothing was sent",
                        wait.as_millis()
                    ),
                ));
            }
            slots.insert(group, tat + interval);
            wait
        };
        if !wait.is_zero() {
            self.clock.sleep(wait);
        }
        Ok(())
    }
}

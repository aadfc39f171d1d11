//! A thread-safe IAM token cache that refreshes ahead of expiry, one refresh at a time.

use std::sync::{Arc, Mutex, MutexGuard, TryLockError};
use std::time::{Duration, SystemTime};

use super::token::IamToken;
use crate::error::{Error, Result};
use crate::secret::SecretString;

/// Refresh when less than this much of the token's 24 h life remains.
pub const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(3600);

/// A source of the current time, injectable for tests.
pub trait Clock: Send + Sync {
    fn now(&self) -> SystemTime;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// Caches one token. [`TokenCache::get`] returns the cached token while more than
/// `margin` of its life remains; otherwise one caller runs the fetch closure while
/// concurrent callers either keep using the old token (if it has not expired yet) or
/// wait for the new one. `Send + Sync`; share it by reference or `Arc`.
pub struct TokenCache {
    token: Mutex<Option<IamToken>>,
    refreshing: Mutex<()>,
    margin: Duration,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for TokenCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenCache")
            .field("margin", &self.margin)
            .finish_non_exhaustive()
    }
}

impl Default for TokenCache {
    fn default() -> Self {
        TokenCache::new()
    }
}

/// Lock, recovering from poisoning: the guarded data is a plain value that a panicking
/// fetch closure cannot leave half-written.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl TokenCache {
    /// An empty cache with [`DEFAULT_REFRESH_MARGIN`] and the system clock.
    pub fn new() -> Self {
        TokenCache {
            token: Mutex::new(None),
            refreshing: Mutex::new(()),
            margin: DEFAULT_REFRESH_MARGIN,
            clock: Arc::new(SystemClock),
        }
    }

    /// Refresh when less than `margin` of the token's life remains.
    pub fn with_margin(mut self, margin: Duration) -> Self {
        self.margin = margin;
        self
    }

    /// Read time from `clock` instead of the system clock.
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Forget the cached token (e.g. after the service rejected it).
    pub fn invalidate(&self) {
        *lock(&self.token) = None;
    }

    /// The cached token, or a fresh one from `fetch` when less than the margin remains.
    ///
    /// `fetch` runs in at most one thread at a time. If it fails while the old token
    /// is still unexpired, the old token is returned (and the next call retries);
    /// otherwise its error is returned. A fetched token that is already expired is a
    /// `Protocol` error.
    pub fn get(&self, fetch: impl FnOnce() -> Result<IamToken>) -> Result<SecretString> {
        if let Some(t) = self.fresh() {
            return Ok(t);
        }
        let _guard = match self.refreshing.try_lock() {
            Ok(g) => g,
            Err(TryLockError::Poisoned(e)) => e.into_inner(),
            Err(TryLockError::WouldBlock) => {
                if let Some(t) = self.unexpired() {
                    return Ok(t);
                }
                lock(&self.refreshing)
            }
        };
        // Another thread may have refreshed while we waited.
        if let Some(t) = self.fresh() {
            return Ok(t);
        }
        match fetch() {
            Ok(new) => {
                if new.expires_at <= self.clock.now() {
                    return Err(Error::protocol(
                        "IAM returned a token that has already expired",
                    ));
                }
                let token = new.token.clone();
                *lock(&self.token) = Some(new);
                Ok(token)
            }
            Err(e) => self.unexpired().ok_or(e),
        }
    }

    fn fresh(&self) -> Option<SecretString> {
        let now = self.clock.now();
        lock(&self.token)
            .as_ref()
            .filter(|t| {
                now.checked_add(self.margin)
                    .is_some_and(|deadline| deadline < t.expires_at)
            })
            .map(|t| t.token.clone())
    }

    fn unexpired(&self) -> Option<SecretString> {
        let now = self.clock.now();
        lock(&self.token)
            .as_ref()
            .filter(|t| now < t.expires_at)
            .map(|t| t.token.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
    use std::sync::Barrier;

    /// A settable clock: seconds since the epoch.
    struct TestClock(AtomicU64);
    impl Clock for TestClock {
        fn now(&self) -> SystemTime {
            SystemTime::UNIX_EPOCH + Duration::from_secs(self.0.load(Ordering::SeqCst))
        }
    }

    const DAY: u64 = 24 * 3600;

    fn token(name: &str, expires_secs: u64) -> IamToken {
        IamToken {
            token: SecretString::new(name),
            expires_at: SystemTime::UNIX_EPOCH + Duration::from_secs(expires_secs),
        }
    }

    fn setup() -> (Arc<TestClock>, TokenCache) {
        let clock = Arc::new(TestClock(AtomicU64::new(1_000_000)));
        let cache = TokenCache::new().with_clock(clock.clone());
        (clock, cache)
    }

    #[test]
    fn caches_until_margin_then_refreshes() {
        let (clock, cache) = setup();
        let calls = AtomicUsize::new(0);
        let fetch = |name: &'static str| {
            let calls = &calls;
            let now = clock.0.load(Ordering::SeqCst);
            move || {
                calls.fetch_add(1, Ordering::SeqCst);
                Ok(token(name, now + DAY))
            }
        };
        assert_eq!(cache.get(fetch("t1")).unwrap().expose(), "t1");
        clock.0.fetch_add(DAY - 3601, Ordering::SeqCst); // 1 h + 1 s left: still cached
        assert_eq!(cache.get(fetch("t2")).unwrap().expose(), "t1");
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        clock.0.fetch_add(2, Ordering::SeqCst); // under 1 h left: refresh ahead
        assert_eq!(cache.get(fetch("t3")).unwrap().expose(), "t3");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        cache.invalidate();
        assert_eq!(cache.get(fetch("t4")).unwrap().expose(), "t4");
    }

    #[test]
    fn errors_and_expiry() {
        let (clock, cache) = setup();
        let now = clock.0.load(Ordering::SeqCst);
        let e = cache.get(|| Err(Error::protocol("boom"))).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::Protocol);
        let e = cache.get(|| Ok(token("old", now))).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::Protocol);
        cache.get(|| Ok(token("t", now + 1800))).unwrap(); // inside margin from the start
                                                           // Refresh fails but the token has not expired: keep using it.
        assert_eq!(
            cache.get(|| Err(Error::protocol("down"))).unwrap().expose(),
            "t"
        );
        clock.0.fetch_add(1800, Ordering::SeqCst); // expired now
        assert!(cache.get(|| Err(Error::protocol("down"))).is_err());
    }

    #[test]
    fn one_refresh_under_concurrency() {
        let (clock, cache) = setup();
        let cache = Arc::new(cache);
        let calls = Arc::new(AtomicUsize::new(0));
        let threads = 8;
        let barrier = Arc::new(Barrier::new(threads));
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let (cache, calls, barrier, clock) =
                    (cache.clone(), calls.clone(), barrier.clone(), clock.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    let now = clock.0.load(Ordering::SeqCst);
                    cache
                        .get(|| {
                            calls.fetch_add(1, Ordering::SeqCst);
                            std::thread::yield_now();
                            Ok(token("shared", now + DAY))
                        })
                        .map(|t| t.expose().to_owned())
                })
            })
            .collect();
        for h in handles {
            assert_eq!(h.join().unwrap().unwrap(), "shared");
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn is_send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<TokenCache>();
    }
}

//! Requests counted per operation id (rejected ones included once they reached us).

use std::collections::BTreeMap;
use std::sync::Mutex;

/// Thread-safe request counters.
#[derive(Debug, Default)]
pub struct Counters {
    inner: Mutex<BTreeMap<String, u64>>,
}

impl Counters {
    /// Counts one request for `op_id`.
    pub fn hit(&self, op_id: &str) {
        let mut map = lock(&self.inner);
        *map.entry(op_id.to_string()).or_insert(0) += 1;
    }

    /// Requests seen for `op_id`.
    pub fn count(&self, op_id: &str) -> u64 {
        lock(&self.inner).get(op_id).copied().unwrap_or(0)
    }

    /// Requests seen in all.
    pub fn total(&self) -> u64 {
        lock(&self.inner).values().sum()
    }

    /// Every non-zero counter, sorted by op id.
    pub fn snapshot(&self) -> BTreeMap<String, u64> {
        lock(&self.inner).clone()
    }

    pub fn reset(&self) {
        lock(&self.inner).clear();
    }
}

/// Locks a mutex, recovering the data if a panicking thread poisoned it (counters
/// and fault queues stay usable; one lost update is acceptable in a test double).
pub(crate) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

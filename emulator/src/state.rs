//! State shared by the worker threads of one emulator.

use crate::config::EmulatorConfig;
use crate::counters::Counters;
use crate::envelope::ServerKey;
use crate::faults::Faults;
use crate::verify::iam::TokenStore;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Everything a request handler reads or updates.
#[derive(Debug)]
pub struct State {
    pub config: EmulatorConfig,
    pub counters: Counters,
    pub faults: Faults,
    pub tokens: TokenStore,
    pub key: ServerKey,
    clock_offset_secs: AtomicI64,
}

impl State {
    pub fn new(config: EmulatorConfig) -> Result<State, String> {
        let key = ServerKey::from_hex(&config.sm2_private_key_hex)?;
        Ok(State {
            clock_offset_secs: AtomicI64::new(config.clock_offset_secs),
            config,
            counters: Counters::default(),
            faults: Faults::default(),
            tokens: TokenStore::default(),
            key,
        })
    }

    /// The emulator's clock, Unix seconds, including the test offset.
    pub fn now(&self) -> i64 {
        let real = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        real + self.clock_offset_secs.load(Ordering::Relaxed)
    }

    pub fn clock_offset_secs(&self) -> i64 {
        self.clock_offset_secs.load(Ordering::Relaxed)
    }

    pub fn set_clock_offset_secs(&self, secs: i64) {
        self.clock_offset_secs.store(secs, Ordering::Relaxed);
    }
}

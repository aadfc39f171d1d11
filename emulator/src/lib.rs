//! `cnvision-emulator`: a local gateway that judges requests as the CTyun and Huawei
//! Cloud gateways do, for offline tests of every binding.
//!
//! One emulator serves every gateway on one port of 127.0.0.1: requests are routed
//! by method and path over `cnvision::catalog::all()`, authenticated (EOP, `Sign`
//! MD5, `CTYUN` HMAC, APIG AK/SK in all three algorithms, IAM tokens it issues
//! itself), opened when sent with the `decrypted: true` envelope, checked against
//! the documented limits, and answered with the documented error codes and shapes
//! or with the operation's documented example result. Requests are counted per
//! operation and faults can be injected, from Rust or over the admin HTTP interface
//! (see [`admin`]).
//!
//! ```no_run
//! let emu = cnvision_emulator::Emulator::start(Default::default()).unwrap();
//! println!("{}", emu.base_url());
//! ```

pub mod admin;
mod codes;
pub mod config;
mod counters;
mod envelope;
pub mod faults;
mod handler;
mod http;
mod iam_service;
mod images;
mod limits;
mod params;
mod reply;
mod results;
mod routing;
mod server;
mod state;
mod verify;

pub use config::*;
pub use faults::{Fault, FaultKind};
pub use images::RESULT_PNG;

use server::Server;
use state::State;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A running emulator. Stops on [`Emulator::shutdown`] or when dropped.
#[derive(Debug)]
pub struct Emulator {
    state: Arc<State>,
    server: Server,
}

impl Emulator {
    /// Binds 127.0.0.1:`config.port` (0 = any free port) and serves on background threads.
    pub fn start(config: EmulatorConfig) -> cnvision::Result<Emulator> {
        let state = Arc::new(State::new(config).map_err(cnvision::Error::config)?);
        let server = Server::start(Arc::clone(&state)).map_err(|e| {
            cnvision::Error::new(
                cnvision::ErrorKind::Network,
                format!("emulator bind failed: {e}"),
            )
        })?;
        Ok(Emulator { state, server })
    }

    /// `http://127.0.0.1:{port}`: the endpoint override for every gateway.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.server.port)
    }

    pub fn port(&self) -> u16 {
        self.server.port
    }

    /// The configuration it judges requests with.
    pub fn config(&self) -> &EmulatorConfig {
        &self.state.config
    }

    /// A client configuration with this emulator's credentials (every provider, AK/SK
    /// for Huawei), its SM2 public key for the envelope, and every gateway pointed at
    /// it. Rate limits stay at their documented defaults; tune them on the result.
    pub fn client_config(&self) -> cnvision::config::ClientConfig {
        let c = &self.state.config;
        let url = self.base_url();
        let mut config = cnvision::config::ClientConfig::new()
            .with_ctyun_eop(c.eop_ak.as_str(), c.eop_sk.as_str(), c.eop_app_key.as_str())
            .with_ctyun_app(c.legacy_app_key.as_str(), c.legacy_app_secret.as_str())
            .with_envelope_public_key(self.sm2_public_key_spki_b64())
            .with_huawei_aksk(c.huawei_ak.as_str(), c.huawei_sk.as_str())
            .with_huawei_project_id(c.huawei_project_id.as_str())
            .with_huawei_region(c.huawei_region.as_str());
        for gateway in [
            cnvision::catalog::Gateway::CtyunEop,
            cnvision::catalog::Gateway::CtyunAiop,
            cnvision::catalog::Gateway::Ctyun2019,
            cnvision::catalog::Gateway::HuaweiImage,
            cnvision::catalog::Gateway::HuaweiIam,
        ] {
            config = config.with_endpoint(gateway, url.as_str());
        }
        config
    }

    /// Requests that reached operation `op_id` (rejected ones included).
    pub fn count(&self, op_id: &str) -> u64 {
        self.state.counters.count(op_id)
    }

    /// Requests that reached any operation.
    pub fn total(&self) -> u64 {
        self.state.counters.total()
    }

    /// Every non-zero per-operation count.
    pub fn counts(&self) -> BTreeMap<String, u64> {
        self.state.counters.snapshot()
    }

    /// Clears counters, faults and issued tokens; restores the configured clock offset.
    pub fn reset(&self) {
        self.state.counters.reset();
        self.state.faults.clear();
        self.state.tokens.clear();
        self.state
            .set_clock_offset_secs(self.state.config.clock_offset_secs);
    }

    /// Arms a fault for the next `count` requests of `op` (`None` = any operation).
    pub fn inject(&self, op: Option<&str>, kind: FaultKind, count: u32) {
        self.state.faults.arm(Fault {
            op: op.map(str::to_string),
            kind,
            count,
        });
    }

    /// Disarms every fault.
    pub fn clear_faults(&self) {
        self.state.faults.clear();
    }

    /// Shifts the clock requests are judged by (seconds; tests of the date window).
    pub fn set_clock_offset_secs(&self, secs: i64) {
        self.state.set_clock_offset_secs(secs);
    }

    /// Base64 X.509 SPKI of the emulator's SM2 public key (seal requests to it).
    pub fn sm2_public_key_spki_b64(&self) -> String {
        self.state.key.public_spki_b64()
    }

    /// Stops serving and joins the threads. Idempotent.
    pub fn shutdown(&mut self) {
        self.server.shutdown();
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.server.shutdown();
    }
}

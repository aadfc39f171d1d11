//! The operation catalog: the single source of truth for every remote operation.
//! The typed API, the generic `call`, validation, the emulator and every binding
//! read these entries.

#[macro_use]
mod macros;

mod ctyun_face;
mod ctyun_face2019;
mod ctyun_safety;
mod ctyun_safety_aiop;
mod huawei_image;
mod model;

pub use model::*;

use std::sync::OnceLock;

/// Every operation, in manual order (000, 001, 002, 003, 004).
pub fn all() -> &'static [Operation] {
    static ALL: OnceLock<Vec<Operation>> = OnceLock::new();
    ALL.get_or_init(|| {
        [
            ctyun_safety::OPERATIONS,
            ctyun_safety_aiop::OPERATIONS,
            ctyun_face::OPERATIONS,
            ctyun_face2019::OPERATIONS,
            huawei_image::OPERATIONS,
        ]
        .concat()
    })
}

/// The operation with this id.
pub fn find(id: &str) -> Option<&'static Operation> {
    all().iter().find(|op| op.id == id)
}

/// The whole catalog as JSON text (what bindings export and test against).
pub fn to_json() -> String {
    serde_json::to_string_pretty(all()).unwrap_or_else(|_| "[]".to_string())
}

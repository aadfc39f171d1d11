//! The operation catalog: the single source of truth for every remote operation.
//! The typed API, the generic `call`, validation, the emulator and every binding
//! read these entries.

mod model;

pub use model::*;

/// Every operation, in manual order.
pub fn all() -> &'static [Operation] {
    &[]
}

/// The operation with this id.
pub fn find(id: &str) -> Option<&'static Operation> {
    all().iter().find(|op| op.id == id)
}

/// The whole catalog as JSON text (what bindings export and test against).
pub fn to_json() -> String {
    serde_json::to_string_pretty(all()).unwrap_or_else(|_| "[]".to_string())
}

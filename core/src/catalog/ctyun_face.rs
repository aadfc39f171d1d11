//! CTyun face recognition on the EOP gateway (manual 002).

use super::model::*;

/// This manual's operations, in manual order.
pub(super) const OPERATIONS: &[Operation] = &[];

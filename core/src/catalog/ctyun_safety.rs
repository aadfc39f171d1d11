//! CTyun safety production on the EOP gateway (manual 000).

use super::model::*;

/// This manual's operations, in manual order.
pub(super) const OPERATIONS: &[Operation] = &[];

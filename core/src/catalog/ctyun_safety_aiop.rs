//! CTyun safety production on the older `/v1/aiop/api` gateway with `Sign` MD5 (manual 001).

use super::model::*;

/// This manual's operations, in manual order.
pub(super) const OPERATIONS: &[Operation] = &[];

//! CTyun 2019 face API with `Authorization: CTYUN` (manual 003).

use super::model::*;

/// This manual's operations, in manual order.
pub(super) const OPERATIONS: &[Operation] = &[];

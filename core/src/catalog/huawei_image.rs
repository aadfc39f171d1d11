//! Huawei Cloud Image Recognition and the IAM look-ups it needs (manual 004).

use super::model::*;

/// This manual's operations, in manual order.
pub(super) const OPERATIONS: &[Operation] = &[];

//! Provider responses: normalization of the many JSON shapes into one view and
//! classification of failures into [`crate::ErrorKind`]s.

pub mod normalize;

pub use normalize::{normalize, parse, to_error, Normalized, THROTTLE_CODES};

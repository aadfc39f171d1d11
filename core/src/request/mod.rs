//! Turning a catalog operation plus caller inputs into the exact bytes to send.

pub mod body;

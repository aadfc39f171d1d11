//! Typed API (in progress).

//! The C ABI of cnvision (`libcnvision.so`, `libcnvision.a`, `include/cnvision.h`).
//!
//! Conventions (rustls-ffi style, repeated in the header):
//! - functions are `cnvision_<object>_<verb>`; objects are opaque, made by `_new`
//!   and released by `_free`, which accepts NULL;
//! - fallible functions return `cnvision_status` (0 = OK) and take as last
//!   argument `cnvision_error **error` (NULL = no details wanted);
//! - self first, then inputs, then outputs; outputs are written only on success;
//! - a byte pointer is always followed by its `size_t` length; short identifiers
//!   (operation ids, field names, paths) are NUL-terminated UTF-8;
//! - every exported function runs inside a panic boundary.
//!
//! This crate is the only place with `unsafe`: the core keeps `forbid(unsafe_code)`.

mod args;
mod boundary;
mod client;
mod config_json;
mod envelope;
mod error;
mod headers;
mod local;
mod media;
mod response;
mod sign;
mod status;
mod text;

pub use client::*;
pub use envelope::*;
pub use error::*;
pub use headers::*;
pub use local::*;
pub use media::*;
pub use response::*;
pub use sign::*;
pub use status::*;
pub use text::*;

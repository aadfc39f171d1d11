//! cnvision: one vetted implementation of request signing, SM2/SM4/HMAC-SM3 body
//! encryption, local input validation and every operation of the CTyun and Huawei
//! Cloud vision APIs.
#![forbid(unsafe_code)]

pub mod api;
pub mod auth;
pub mod catalog;
pub mod client;
pub mod config;
pub mod crypto;
pub mod error;
pub mod media;
pub mod policy;
pub mod request;
pub mod response;
pub mod secret;
pub mod transport;
pub mod validate;

pub use client::{CallOptions, Client, Response};
pub use error::{Error, ErrorKind, Result};
pub use secret::{SecretBytes, SecretString};

/// The crate version, as in Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

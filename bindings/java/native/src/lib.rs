//! JNI bridge of cnvision for Java and Android (`io.cnvision.internal.NativeBridge`).
//!
//! This crate holds no logic of its own: it converts Java values to core types,
//! calls the core, and converts results and errors back. Every exported function
//! runs inside [`boundary::run`], which turns a core [`cnvision::Error`] into an
//! `io.cnvision.CnvisionException` with the core's numeric kind and turns a Rust panic
//! into the same exception with kind `Internal`: nothing unwinds into the JVM.
//!
//! Data crosses the boundary as Java primitives, `String`, `byte[]`, `String[]` and
//! `byte[][]`; structured values travel as JSON text (parsed here with serde_json, in
//! Java with the shipped `io.cnvision.json` tree), so no Java class layout is baked
//! into this crate besides the exception's constructor.

mod boundary;
mod catalog;
mod client;
mod config;
mod convert;
#[cfg(feature = "emulator")]
mod emulator;
mod envelope;
mod handle;
mod signers;

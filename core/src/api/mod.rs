//! The typed Rust API: one method per catalog operation, grouped by provider and
//! product, each returning a typed, normalized result.
//!
//! ```no_run
//! # fn main() -> cnvision::Result<()> {
//! use cnvision::{media::Media, Client};
//! let client = Client::from_env()?;
//! let jpeg = std::fs::read("helmet.jpg").unwrap();
//! for hat in client.ctyun_safety().hat_detect(Media::Bytes(&jpeg))? {
//!     println!("{} {:.2} {:?}", hat.label, hat.score, hat.bbox);
//! }
//! let faces = client.ctyun_face().encrypted().detect(Media::Bytes(&jpeg), &Default::default())?;
//! # let _ = faces; Ok(()) }
//! ```
//!
//! Groups: [`CtyunSafety`] (manual 000), [`CtyunSafetyAiop`] (001), [`CtyunFace`] (002),
//! [`CtyunFace2019`] (003), [`HuaweiImage`] and [`HuaweiIam`] (004). Every method goes
//! through [`Client::call`] with the operation id from [`ids`]; [`OPERATIONS`] maps
//! every catalog id to its method (a test checks it covers the catalog).
//!
//! Results are `serde` structs read from [`crate::Response::result`] with tolerant
//! field readers (numbers as strings, `"True"`/`"False"`, missing optional members).
//! A result that does not fit is a `Protocol` error naming the operation.

mod ctyun_face;
mod ctyun_face2019;
mod ctyun_safety;
mod ctyun_safety_aiop;
mod de;
mod huawei_iam;
mod huawei_image;
pub mod ids;

pub use ctyun_face::*;
pub use ctyun_face2019::*;
pub use ctyun_safety::*;
pub use ctyun_safety_aiop::*;
pub use huawei_iam::*;
pub use huawei_image::*;
pub use ids::OPERATIONS;

use crate::client::{CallOptions, Client, Response};
use crate::error::{Error, Result};
use crate::media::Media;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{Map, Value};

/// An axis-aligned rectangle in image pixels (`left`, `top`, `width`, `height`).
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
pub struct Rect {
    #[serde(default, deserialize_with = "de::opt_f64_zero")]
    pub left: f64,
    #[serde(default, deserialize_with = "de::opt_f64_zero")]
    pub top: f64,
    #[serde(default, deserialize_with = "de::opt_f64_zero")]
    pub width: f64,
    #[serde(default, deserialize_with = "de::opt_f64_zero")]
    pub height: f64,
}

impl Rect {
    /// From `[left, top, width, height]`; `None` unless exactly four values.
    pub fn from_ltwh(v: &[f64]) -> Option<Rect> {
        match v {
            [left, top, width, height] => Some(Rect {
                left: *left,
                top: *top,
                width: *width,
                height: *height,
            }),
            _ => None,
        }
    }
}

/// Common state of every group: the client and the options of its calls.
#[derive(Debug, Clone)]
struct Group<'c> {
    client: &'c Client,
    options: CallOptions,
}

impl<'c> Group<'c> {
    fn new(client: &'c Client) -> Self {
        Group {
            client,
            options: CallOptions::default(),
        }
    }

    /// Call `op_id` and return the raw [`Response`].
    fn raw(
        &self,
        op_id: &str,
        params: &Map<String, Value>,
        media: &[(&str, Media<'_>)],
    ) -> Result<Response> {
        self.client.call(op_id, params, media, &self.options)
    }

    /// Call `op_id` and read its `result` as `T`.
    fn typed<T: DeserializeOwned>(
        &self,
        op_id: &str,
        params: &Map<String, Value>,
        media: &[(&str, Media<'_>)],
    ) -> Result<T> {
        let response = self.raw(op_id, params, media)?;
        decode(&response, response.result.clone())
    }
}

/// Read `value` (part of `response`) as `T`; Protocol error naming the operation.
fn decode<T: DeserializeOwned>(response: &Response, value: Value) -> Result<T> {
    serde_json::from_value(value).map_err(|e| {
        let mut err = Error::protocol(format!(
            "{}: result does not have the documented shape: {e}",
            response.operation
        ))
        .with_http_status(response.http_status);
        if let Some(id) = &response.request_id {
            err = err.with_request_id(id.clone());
        }
        err
    })
}

/// Parameters under construction: only the given members are inserted, so the
/// catalog defaults apply to the rest.
#[derive(Debug, Default)]
struct Params(Map<String, Value>);

impl Params {
    fn set(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.0.insert(name.to_string(), value.into());
        self
    }
    fn opt(self, name: &str, value: Option<impl Into<Value>>) -> Self {
        match value {
            Some(v) => self.set(name, v),
            None => self,
        }
    }
}

/// `items` as media entries of the field `name` (one per item, in order).
fn repeat<'a>(name: &'a str, items: &[Media<'a>]) -> Vec<(&'a str, Media<'a>)> {
    items.iter().map(|m| (name, *m)).collect()
}

/// Builder methods shared by every group.
macro_rules! group_options {
    ($t:ident) => {
        impl<'c> $t<'c> {
            /// Use these options (envelope, request id) for the calls of this handle.
            pub fn with_options(mut self, options: $crate::client::CallOptions) -> Self {
                self.0.options = options;
                self
            }
            /// Send this call with a caller-chosen request id.
            pub fn with_request_id(mut self, id: impl Into<String>) -> Self {
                self.0.options.request_id = Some(id.into());
                self
            }
        }
    };
}
use group_options;

impl Client {
    /// CTyun safety production on the EOP gateway (manual 000).
    pub fn ctyun_safety(&self) -> CtyunSafety<'_> {
        CtyunSafety(Group::new(self))
    }
    /// CTyun safety production on the older `Sign` gateway (manual 001).
    pub fn ctyun_safety_aiop(&self) -> CtyunSafetyAiop<'_> {
        CtyunSafetyAiop(Group::new(self))
    }
    /// CTyun face recognition on the EOP gateway (manual 002).
    pub fn ctyun_face(&self) -> CtyunFace<'_> {
        CtyunFace(Group::new(self))
    }
    /// CTyun 2019 face API (manual 003).
    pub fn ctyun_face2019(&self) -> CtyunFace2019<'_> {
        CtyunFace2019(Group::new(self))
    }
    /// Huawei Cloud image recognition (manual 004).
    pub fn huawei_image(&self) -> HuaweiImage<'_> {
        HuaweiImage(Group::new(self))
    }
    /// Huawei IAM token and project look-up (manual 004).
    pub fn huawei_iam(&self) -> HuaweiIam<'_> {
        HuaweiIam(Group::new(self))
    }
}

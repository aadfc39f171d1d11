//! CTyun safety production on the older `Sign` gateway (manual 001). Every call
//! names the purchased capability's service code (`{service_code}` in the path).

use super::{de, group_options, ids, repeat, Detection, Group, Params, Rect};
use crate::error::Result;
use crate::media::Media;
use serde::Deserialize;

/// Manual 001 operations. Obtain with [`crate::Client::ctyun_safety_aiop`].
#[derive(Debug, Clone)]
pub struct CtyunSafetyAiop<'c>(pub(super) Group<'c>);
group_options!(CtyunSafetyAiop);

/// People found inside the fence in one image (`electronic_fence`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FenceResult {
    /// Number of targets inside the area.
    #[serde(default, deserialize_with = "de::i64_lenient")]
    pub target_num: i64,
    /// Their boxes.
    #[serde(rename = "location", default, deserialize_with = "de::null_default")]
    pub locations: Vec<Rect>,
}

impl CtyunSafetyAiop<'_> {
    /// Safety-helmet detection (`ctyun.safety_aiop.hat_detect`).
    pub fn hat_detect(&self, service_code: &str, image: Media<'_>) -> Result<Vec<Detection>> {
        let p = Params::default().set("service_code", service_code);
        self.0
            .typed(ids::CTYUN_SAFETY_AIOP_HAT_DETECT, &p.0, &[("image", image)])
    }

    /// Workwear detection (`ctyun.safety_aiop.clothes_detect`).
    pub fn clothes_detect(&self, service_code: &str, image: Media<'_>) -> Result<Vec<Detection>> {
        let p = Params::default().set("service_code", service_code);
        self.0.typed(
            ids::CTYUN_SAFETY_AIOP_CLOTHES_DETECT,
            &p.0,
            &[("image", image)],
        )
    }

    /// Electronic fence (`ctyun.safety_aiop.electronic_fence`): `area` is the polygon
    /// (4–9 `(x, y)` whole-pixel points, inside every image); 1–32 images; one
    /// result per image.
    pub fn electronic_fence(
        &self,
        service_code: &str,
        area: &[(u32, u32)],
        images: &[Media<'_>],
    ) -> Result<Vec<FenceResult>> {
        let points: Vec<serde_json::Value> = area
            .iter()
            .map(|(x, y)| serde_json::json!([x, y]))
            .collect();
        let p = Params::default()
            .set("service_code", service_code)
            .set("area", points);
        self.0.typed(
            ids::CTYUN_SAFETY_AIOP_ELECTRONIC_FENCE,
            &p.0,
            &repeat("image", images),
        )
    }
}

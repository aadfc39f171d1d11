//! CTyun safety production on the EOP gateway (manual 000).

use super::{de, group_options, ids, repeat as frames, Group, Params};
use crate::error::Result;
use crate::media::Media;
use serde::Deserialize;

/// Manual 000 operations. Obtain with [`crate::Client::ctyun_safety`].
#[derive(Debug, Clone)]
pub struct CtyunSafety<'c>(pub(super) Group<'c>);
group_options!(CtyunSafety);

/// One detected object (hat, workwear, …).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Detection {
    /// Class name, e.g. `blue_hat`.
    #[serde(rename = "classname", deserialize_with = "de::string_lenient")]
    pub label: String,
    /// Confidence in [0, 1].
    #[serde(deserialize_with = "de::f64_lenient")]
    pub score: f64,
    /// The box as sent: four pixel values (manual 000 documents top, left, bottom, right).
    #[serde(rename = "box", deserialize_with = "de::f64_list")]
    pub bbox: Vec<f64>,
}

/// Face image quality (`quality_detect`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct FaceQuality {
    /// `good`, `medium` or `bad` as the service words it.
    #[serde(rename = "face_quality", deserialize_with = "de::string_lenient")]
    pub quality: String,
}

impl FaceQuality {
    /// Whether the service judged the quality `good`.
    pub fn is_good(&self) -> bool {
        self.quality.trim().eq_ignore_ascii_case("good")
    }
}

/// Outcome of an action-liveness image-sequence check (`fas_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct ActionCheck {
    /// The requested action was performed in the frames.
    #[serde(deserialize_with = "de::bool_lenient")]
    pub action_detected: bool,
}

/// Fall or fight probability over an image series.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct EventScore {
    /// Probability in [0, 1] that the event happens in the images.
    #[serde(deserialize_with = "de::f64_lenient")]
    pub score: f64,
}

impl CtyunSafety<'_> {
    /// Safety-helmet detection (`ctyun.safety.hat_detect`).
    pub fn hat_detect(&self, image: Media<'_>) -> Result<Vec<Detection>> {
        self.0.typed(
            ids::CTYUN_SAFETY_HAT_DETECT,
            &Params::default().0,
            &[("image", image)],
        )
    }

    /// Face image quality (`ctyun.safety.quality_detect`).
    pub fn quality_detect(&self, image: Media<'_>) -> Result<FaceQuality> {
        self.0.typed(
            ids::CTYUN_SAFETY_QUALITY_DETECT,
            &Params::default().0,
            &[("imageContent", image)],
        )
    }

    fn fas(&self, op: &str, frames_in: &[Media<'_>]) -> Result<ActionCheck> {
        self.0.typed(
            op,
            &Params::default().0,
            &frames("imageNContent", frames_in),
        )
    }

    /// Head-shake liveness over 3–35 frames (`ctyun.safety.fas_shake`).
    pub fn fas_shake(&self, frames: &[Media<'_>]) -> Result<ActionCheck> {
        self.fas(ids::CTYUN_SAFETY_FAS_SHAKE, frames)
    }
    /// Look-up liveness (`ctyun.safety.fas_up`).
    pub fn fas_up(&self, frames: &[Media<'_>]) -> Result<ActionCheck> {
        self.fas(ids::CTYUN_SAFETY_FAS_UP, frames)
    }
    /// Look-down liveness (`ctyun.safety.fas_down`).
    pub fn fas_down(&self, frames: &[Media<'_>]) -> Result<ActionCheck> {
        self.fas(ids::CTYUN_SAFETY_FAS_DOWN, frames)
    }
    /// Turn-left liveness (`ctyun.safety.fas_left`).
    pub fn fas_left(&self, frames: &[Media<'_>]) -> Result<ActionCheck> {
        self.fas(ids::CTYUN_SAFETY_FAS_LEFT, frames)
    }
    /// Open-mouth liveness (`ctyun.safety.fas_mouth`).
    pub fn fas_mouth(&self, frames: &[Media<'_>]) -> Result<ActionCheck> {
        self.fas(ids::CTYUN_SAFETY_FAS_MOUTH, frames)
    }
    /// Blink liveness (`ctyun.safety.fas_eye`).
    pub fn fas_eye(&self, frames: &[Media<'_>]) -> Result<ActionCheck> {
        self.fas(ids::CTYUN_SAFETY_FAS_EYE, frames)
    }
    /// Turn-right liveness (`ctyun.safety.fas_right`).
    pub fn fas_right(&self, frames: &[Media<'_>]) -> Result<ActionCheck> {
        self.fas(ids::CTYUN_SAFETY_FAS_RIGHT, frames)
    }

    /// Fall detection over 1–64 images (`ctyun.safety.fall_detect`).
    pub fn fall_detect(&self, images: &[Media<'_>]) -> Result<EventScore> {
        self.0.typed(
            ids::CTYUN_SAFETY_FALL_DETECT,
            &Params::default().0,
            &frames("images", images),
        )
    }

    /// Fight detection over 1–64 images (`ctyun.safety.fight_detect`).
    pub fn fight_detect(&self, images: &[Media<'_>]) -> Result<EventScore> {
        self.0.typed(
            ids::CTYUN_SAFETY_FIGHT_DETECT,
            &Params::default().0,
            &frames("images", images),
        )
    }
}

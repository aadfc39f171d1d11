//! Huawei Cloud image recognition (manual 004).

use super::{de, group_options, ids, Group, Params};
use crate::error::{Error, Result};
use crate::media::Media;
use serde::Deserialize;

/// Manual 004 image operations. Obtain with [`crate::Client::huawei_image`].
#[derive(Debug, Clone)]
pub struct HuaweiImage<'c>(pub(super) Group<'c>);
group_options!(HuaweiImage);

/// The image of a call: bytes (sent base64 as `image`) or a URL the service fetches.
#[derive(Debug, Clone, Copy)]
pub enum ImageSource<'a> {
    Media(Media<'a>),
    Url(&'a str),
}

impl<'a> From<Media<'a>> for ImageSource<'a> {
    fn from(m: Media<'a>) -> Self {
        ImageSource::Media(m)
    }
}

/// Tag language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    Zh,
    En,
}

impl Language {
    fn as_str(self) -> &'static str {
        match self {
            Language::Zh => "zh",
            Language::En => "en",
        }
    }
}

/// Options of the tagging operations; `None` = documented default.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TaggingOptions {
    pub language: Option<Language>,
    /// Minimum confidence, 0–100.
    pub threshold: Option<f64>,
    /// Most tags returned.
    pub limit: Option<u32>,
}

/// A tag's names in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct I18n {
    #[serde(default, deserialize_with = "de::string_lenient")]
    pub zh: String,
    #[serde(default, deserialize_with = "de::string_lenient")]
    pub en: String,
}

/// A box in Huawei's form (pixels; fractional in some responses).
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
pub struct HuaweiBox {
    #[serde(default, deserialize_with = "de::opt_f64_zero")]
    pub top_left_x: f64,
    #[serde(default, deserialize_with = "de::opt_f64_zero")]
    pub top_left_y: f64,
    #[serde(default, deserialize_with = "de::opt_f64_zero")]
    pub width: f64,
    #[serde(default, deserialize_with = "de::opt_f64_zero")]
    pub height: f64,
}

/// One located instance of a tag.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TagInstance {
    #[serde(default, deserialize_with = "de::opt_f64_zero")]
    pub confidence: f64,
    #[serde(default)]
    pub bounding_box: HuaweiBox,
}

/// One tag. `confidence` is 0–100 (a string in v2 responses, a number in v1).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Tag {
    #[serde(deserialize_with = "de::string_lenient")]
    pub tag: String,
    #[serde(rename = "type", default, deserialize_with = "de::string_lenient")]
    pub kind: String,
    #[serde(deserialize_with = "de::f64_lenient")]
    pub confidence: f64,
    #[serde(default)]
    pub i18n_tag: Option<I18n>,
    #[serde(default)]
    pub i18n_type: Option<I18n>,
    #[serde(default, deserialize_with = "de::null_default")]
    pub instances: Vec<TagInstance>,
}

/// Result of the tagging operations.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Tags {
    #[serde(default, deserialize_with = "de::null_default")]
    pub tags: Vec<Tag>,
}

/// Face box of a celebrity (`x`, `y`, `w`, `h` pixels).
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
pub struct FaceDetail {
    #[serde(default, deserialize_with = "de::opt_f64_zero")]
    pub x: f64,
    #[serde(default, deserialize_with = "de::opt_f64_zero")]
    pub y: f64,
    #[serde(default, deserialize_with = "de::opt_f64_zero")]
    pub w: f64,
    #[serde(default, deserialize_with = "de::opt_f64_zero")]
    pub h: f64,
}

/// One recognised celebrity.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Celebrity {
    #[serde(deserialize_with = "de::string_lenient")]
    pub label: String,
    /// 0–1.
    #[serde(deserialize_with = "de::f64_lenient")]
    pub confidence: f64,
    #[serde(default)]
    pub face_detail: FaceDetail,
}

/// One main-object box (`label` is `main_object_box` or `bounding_box`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct MainObject {
    #[serde(deserialize_with = "de::string_lenient")]
    pub label: String,
    /// 0–100.
    #[serde(deserialize_with = "de::f64_lenient")]
    pub confidence: f64,
    #[serde(default)]
    pub location: HuaweiBox,
}

/// The recapture verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecaptureSuggestion {
    /// `"true"`: the image is genuine (not recaptured).
    Genuine,
    /// `"false"`: the image is a recapture.
    Recaptured,
    /// `"uncertainty"`.
    Uncertain,
    /// Any other text, verbatim.
    Other(String),
}

impl<'de> Deserialize<'de> for RecaptureSuggestion {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = de::string_lenient(d)?;
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "true" => RecaptureSuggestion::Genuine,
            "false" => RecaptureSuggestion::Recaptured,
            "uncertainty" => RecaptureSuggestion::Uncertain,
            _ => RecaptureSuggestion::Other(s),
        })
    }
}

/// One label score of a recapture check.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct LabelScore {
    #[serde(deserialize_with = "de::string_lenient")]
    pub label: String,
    #[serde(deserialize_with = "de::f64_lenient")]
    pub confidence: f64,
}

/// Result of `recapture_detect`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Recapture {
    pub suggestion: RecaptureSuggestion,
    /// `recapture` or empty.
    #[serde(default, deserialize_with = "de::string_lenient")]
    pub category: String,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub score: Option<f64>,
    #[serde(default, deserialize_with = "de::null_default")]
    pub detail: Vec<LabelScore>,
}

/// A processed image returned by the enhancement operations (decoded bytes, usually JPEG).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessedImage {
    pub bytes: Vec<u8>,
}

/// Result of `bgm_recognition`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct BackgroundMusic {
    #[serde(deserialize_with = "de::string_lenient")]
    pub audio_name: String,
}

/// Super-resolution model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SuperResolutionModel {
    #[default]
    Espcn,
    Srcnn,
}

fn source<'a>(p: Params, image: ImageSource<'a>) -> (Params, Vec<(&'static str, Media<'a>)>) {
    match image {
        ImageSource::Media(m) => (p, vec![("image", m)]),
        ImageSource::Url(u) => (p.set("url", u), Vec::new()),
    }
}

fn tagging_params(o: &TaggingOptions) -> Params {
    Params::default()
        .opt("language", o.language.map(Language::as_str))
        .opt("threshold", o.threshold)
        .opt("limit", o.limit)
}

impl HuaweiImage<'_> {
    fn tags(&self, op: &str, image: ImageSource<'_>, o: &TaggingOptions) -> Result<Tags> {
        let (p, media) = source(tagging_params(o), image);
        self.0.typed(op, &p.0, &media)
    }

    /// Media tagging (`huawei.image.media_tagging`).
    pub fn media_tagging(&self, image: ImageSource<'_>, options: &TaggingOptions) -> Result<Tags> {
        self.tags(ids::HUAWEI_IMAGE_MEDIA_TAGGING, image, options)
    }

    /// Media tagging with boxes (`huawei.image.media_tagging_det`).
    pub fn media_tagging_det(
        &self,
        image: ImageSource<'_>,
        options: &TaggingOptions,
    ) -> Result<Tags> {
        self.tags(ids::HUAWEI_IMAGE_MEDIA_TAGGING_DET, image, options)
    }

    /// Tagging v2 (`huawei.image.tagging_v2`).
    pub fn tagging_v2(&self, image: ImageSource<'_>, options: &TaggingOptions) -> Result<Tags> {
        self.tags(ids::HUAWEI_IMAGE_TAGGING_V2, image, options)
    }

    /// Deprecated v1.0 tagging (`huawei.image.tagging_v1`).
    pub fn tagging_v1(&self, image: ImageSource<'_>, options: &TaggingOptions) -> Result<Tags> {
        self.tags(ids::HUAWEI_IMAGE_TAGGING_V1, image, options)
    }

    /// Celebrity recognition (`huawei.image.celebrity_recognition`); `threshold` 0–1.
    pub fn celebrity_recognition(
        &self,
        image: ImageSource<'_>,
        threshold: Option<f64>,
    ) -> Result<Vec<Celebrity>> {
        let (p, media) = source(Params::default().opt("threshold", threshold), image);
        self.0
            .typed(ids::HUAWEI_IMAGE_CELEBRITY_RECOGNITION, &p.0, &media)
    }

    /// Main-object detection (`huawei.image.main_object_detection`); `threshold` 0–100.
    pub fn main_object_detection(
        &self,
        image: ImageSource<'_>,
        threshold: Option<f64>,
    ) -> Result<Vec<MainObject>> {
        let (p, media) = source(Params::default().opt("threshold", threshold), image);
        self.0
            .typed(ids::HUAWEI_IMAGE_MAIN_OBJECT_DETECTION, &p.0, &media)
    }

    /// Recapture detection (`huawei.image.recapture_detect`); `threshold` 0–1.
    pub fn recapture_detect(
        &self,
        image: ImageSource<'_>,
        threshold: Option<f64>,
    ) -> Result<Recapture> {
        let (p, media) = source(Params::default().opt("threshold", threshold), image);
        self.0
            .typed(ids::HUAWEI_IMAGE_RECAPTURE_DETECT, &p.0, &media)
    }

    fn processed(&self, op: &str, p: Params, image: Media<'_>) -> Result<ProcessedImage> {
        let mut response = self.0.raw(op, &p.0, &[("image", image)])?;
        let bytes =
            response.binaries.pop().map(|(_, b)| b).ok_or_else(|| {
                Error::protocol(format!("{}: no result image", response.operation))
            })?;
        Ok(ProcessedImage { bytes })
    }

    /// Low-light enhancement (`huawei.image.dark_enhance`, deprecated); `brightness` 0–1.
    pub fn dark_enhance(
        &self,
        image: Media<'_>,
        brightness: Option<f64>,
    ) -> Result<ProcessedImage> {
        let p = Params::default().opt("brightness", brightness);
        self.processed(ids::HUAWEI_IMAGE_DARK_ENHANCE, p, image)
    }

    /// Defogging (`huawei.image.defog`, deprecated); `gamma` 0.1–10.
    pub fn defog(
        &self,
        image: Media<'_>,
        gamma: Option<f64>,
        natural_look: Option<bool>,
    ) -> Result<ProcessedImage> {
        let p = Params::default()
            .opt("gamma", gamma)
            .opt("natural_look", natural_look);
        self.processed(ids::HUAWEI_IMAGE_DEFOG, p, image)
    }

    /// Super-resolution (`huawei.image.super_resolution`, deprecated); `scale` 3 or 4.
    pub fn super_resolution(
        &self,
        image: Media<'_>,
        scale: Option<u32>,
        model: Option<SuperResolutionModel>,
    ) -> Result<ProcessedImage> {
        let model = model.map(|m| match m {
            SuperResolutionModel::Espcn => "ESPCN",
            SuperResolutionModel::Srcnn => "SRCNN",
        });
        let p = Params::default().opt("scale", scale).opt("model", model);
        self.processed(ids::HUAWEI_IMAGE_SUPER_RESOLUTION, p, image)
    }

    /// Background-music recognition of a video at an (authorised OBS) URL
    /// (`huawei.image.bgm_recognition`, deprecated).
    pub fn bgm_recognition(&self, video_url: &str) -> Result<BackgroundMusic> {
        let p = Params::default().set("url", video_url);
        self.0.typed(ids::HUAWEI_IMAGE_BGM_RECOGNITION, &p.0, &[])
    }
}

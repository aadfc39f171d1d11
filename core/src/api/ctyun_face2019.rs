//! CTyun 2019 face API (manual 003): batches of images given as URLs or as bytes
//! (sent as `data:` URIs); one result per image (or pair), in order.

use super::{de, group_options, ids, Group, Params, Rect};
use crate::error::{Error, Result};
use crate::media::Media;
use serde::Deserialize;
use serde_json::Value;

/// Manual 003 operations. Obtain with [`crate::Client::ctyun_face2019`].
#[derive(Debug, Clone)]
pub struct CtyunFace2019<'c>(pub(super) Group<'c>);
group_options!(CtyunFace2019);

/// A batch image: a URL the service fetches, or bytes sent inline.
#[derive(Debug, Clone, Copy)]
pub enum BatchImage<'a> {
    Url(&'a str),
    Media(Media<'a>),
}

/// One face of `detect`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DetectedFace2019 {
    #[serde(rename = "face_probability", default, deserialize_with = "de::opt_f64")]
    pub probability: Option<f64>,
    #[serde(default)]
    pub location: Rect,
}

/// `detect` result of one image.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ImageFaces {
    /// 0 when the image meets the quality requirements, 1 otherwise.
    #[serde(default, deserialize_with = "de::i64_lenient")]
    pub pic_quality: i64,
    #[serde(rename = "face_list", default, deserialize_with = "de::null_default")]
    pub faces: Vec<DetectedFace2019>,
}

/// One face of `analyse`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AnalysedFace {
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub age: Option<i64>,
    /// `M` / `F`.
    #[serde(default, deserialize_with = "de::string_lenient")]
    pub gender: String,
    #[serde(default)]
    pub location: Rect,
}

/// `analyse` result of one image.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ImageAnalysis {
    #[serde(default, deserialize_with = "de::i64_lenient")]
    pub pic_quality: i64,
    #[serde(rename = "face_list", default, deserialize_with = "de::null_default")]
    pub faces: Vec<AnalysedFace>,
}

/// `compare` result of one pair.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PairComparison {
    /// Similarity 0–100; `None` when a face is missing.
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub confidence: Option<f64>,
    /// The service's verdict (`"True"`/`"False"`).
    #[serde(
        rename = "face_compare",
        default,
        deserialize_with = "de::bool_lenient"
    )]
    pub same_person: bool,
    #[serde(default, deserialize_with = "de::i64_lenient")]
    pub pic_quality: i64,
}

/// Splits `images` into the `data` parameter (URLs) or `data` media (bytes). One
/// batch must be all URLs or all media: the request carries one `data` list.
fn batch<'a>(images: &[BatchImage<'a>]) -> Result<(Params, Vec<(&'static str, Media<'a>)>)> {
    let urls: Vec<Value> = images
        .iter()
        .filter_map(|i| match i {
            BatchImage::Url(u) => Some(Value::from(*u)),
            BatchImage::Media(_) => None,
        })
        .collect();
    let media: Vec<(&'static str, Media<'a>)> = images
        .iter()
        .filter_map(|i| match i {
            BatchImage::Media(m) => Some(("data", *m)),
            BatchImage::Url(_) => None,
        })
        .collect();
    match (urls.is_empty(), media.is_empty()) {
        (false, false) => Err(Error::invalid_input(
            "data",
            "one batch holds either URLs or image bytes, not both",
        )),
        (false, true) => Ok((Params::default().set("data", urls), Vec::new())),
        _ => Ok((Params::default(), media)),
    }
}

impl CtyunFace2019<'_> {
    /// Face detection over 1–100 images (`ctyun.face2019.detect`).
    pub fn detect(&self, images: &[BatchImage<'_>]) -> Result<Vec<ImageFaces>> {
        let (p, media) = batch(images)?;
        self.0.typed(ids::CTYUN_FACE2019_DETECT, &p.0, &media)
    }

    /// Age and gender over 1–100 images (`ctyun.face2019.analyse`).
    pub fn analyse(&self, images: &[BatchImage<'_>]) -> Result<Vec<ImageAnalysis>> {
        let (p, media) = batch(images)?;
        self.0.typed(ids::CTYUN_FACE2019_ANALYSE, &p.0, &media)
    }

    /// Pairwise comparison of 1–50 pairs (`ctyun.face2019.compare`).
    pub fn compare(
        &self,
        pairs: &[(BatchImage<'_>, BatchImage<'_>)],
    ) -> Result<Vec<PairComparison>> {
        let flat: Vec<BatchImage<'_>> = pairs.iter().flat_map(|(a, b)| [*a, *b]).collect();
        let (p, media) = batch(&flat)?;
        let p = match p.0.get("data").and_then(Value::as_array) {
            Some(urls) => {
                let nested: Vec<Value> = urls.chunks(2).map(|c| Value::Array(c.to_vec())).collect();
                Params::default().set("data", nested)
            }
            None => p,
        };
        self.0.typed(ids::CTYUN_FACE2019_COMPARE, &p.0, &media)
    }
}

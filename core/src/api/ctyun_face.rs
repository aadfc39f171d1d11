//! CTyun face recognition on the EOP gateway (manual 002). Every operation may use
//! the `decrypted: true` envelope: `client.ctyun_face().encrypted().detect(..)`.

use super::{de, decode, group_options, ids, Group, Params, Rect};
use crate::client::CallOptions;
use crate::error::{Error, Result};
use crate::media::Media;
use serde::Deserialize;

/// Manual 002 operations. Obtain with [`crate::Client::ctyun_face`].
#[derive(Debug, Clone)]
pub struct CtyunFace<'c>(pub(super) Group<'c>);
group_options!(CtyunFace);

impl CtyunFace<'_> {
    /// Seal requests in the SM2/SM4/HMAC-SM3 envelope (needs the envelope public key).
    pub fn encrypted(mut self) -> Self {
        self.0.options = CallOptions {
            encrypt: true,
            ..self.0.options
        };
        self
    }
}

/// Options of [`CtyunFace::detect`]; `Default` = the documented defaults.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DetectOptions {
    /// Minimum face score in [0, 1] (service default 0.5).
    pub face_thresh: Option<f64>,
    /// Also return pitch/yaw/roll (service default false).
    pub need_face_angle: Option<bool>,
}

/// One face found by `detect`.
#[derive(Debug, Clone, PartialEq)]
pub struct DetectedFace {
    pub rect: Rect,
    /// Class name (`face`).
    pub class: Option<String>,
    pub score: Option<f64>,
    /// `[pitch, yaw, roll]` in degrees, when requested.
    pub angles: Option<[f64; 3]>,
    /// Landmark coordinates `x1, y1, x2, y2, …`.
    pub landmarks: Vec<f64>,
}

/// Result of `detect`: the parallel arrays of the response, zipped per face.
#[derive(Debug, Clone, PartialEq)]
pub struct FaceDetection {
    pub faces: Vec<DetectedFace>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct RawDetection {
    #[serde(default, deserialize_with = "de::null_default")]
    detect_boxes: Vec<Vec<f64>>,
    #[serde(default, deserialize_with = "de::null_default")]
    detect_clses: Vec<String>,
    #[serde(default, deserialize_with = "de::f64_list")]
    detect_scores: Vec<f64>,
    #[serde(default, deserialize_with = "de::null_default")]
    face_angles: Vec<Vec<f64>>,
    #[serde(default, deserialize_with = "de::null_default")]
    landmarks: Vec<Vec<f64>>,
}

impl TryFrom<RawDetection> for FaceDetection {
    type Error = String;
    fn try_from(raw: RawDetection) -> std::result::Result<Self, String> {
        let faces = raw
            .detect_boxes
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let rect = Rect::from_ltwh(b)
                    .ok_or_else(|| format!("DetectBoxes[{i}] is not 4 numbers"))?;
                let angles = match raw.face_angles.get(i).map(Vec::as_slice) {
                    Some([p, y, r]) => Some([*p, *y, *r]),
                    _ => None,
                };
                Ok(DetectedFace {
                    rect,
                    class: raw.detect_clses.get(i).cloned(),
                    score: raw.detect_scores.get(i).copied(),
                    angles,
                    landmarks: raw.landmarks.get(i).cloned().unwrap_or_default(),
                })
            })
            .collect::<std::result::Result<_, String>>()?;
        Ok(FaceDetection { faces })
    }
}

/// Age and gender of one face.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FaceAttributes {
    /// Estimated age in years (sent as a string).
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub age: Option<i64>,
    /// `Male` / `Female` as the service words it.
    #[serde(default, deserialize_with = "de::string_lenient")]
    pub gender: String,
    #[serde(rename = "face_location", default)]
    pub location: Rect,
}

/// Result of `attributes`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AgeGender {
    #[serde(rename = "face_list", default, deserialize_with = "de::null_default")]
    pub faces: Vec<FaceAttributes>,
}

/// Result of `compare`: similarity of the central faces of two images.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FaceComparison {
    /// Similarity in [0, 1].
    #[serde(rename = "Score", deserialize_with = "de::f64_lenient")]
    pub score: f64,
    /// Face in image 1 as `[left, top, width, height]`.
    #[serde(rename = "RectAList", default, deserialize_with = "de::f64_list")]
    pub rect_a: Vec<f64>,
    #[serde(rename = "RectBList", default, deserialize_with = "de::f64_list")]
    pub rect_b: Vec<f64>,
    #[serde(rename = "LandmarkA", default, deserialize_with = "de::f64_list")]
    pub landmarks_a: Vec<f64>,
    #[serde(rename = "LandmarkB", default, deserialize_with = "de::f64_list")]
    pub landmarks_b: Vec<f64>,
}

/// The silent-liveness verdict of one face.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LivenessVerdict {
    /// 活体人脸: a live face.
    Live,
    /// 非活体人脸: a photo, screen or mask.
    Spoof,
    /// 人脸清晰度较差, 无法判断: too unclear to judge.
    Unclear,
    /// Any other text, verbatim.
    Other(String),
}

impl LivenessVerdict {
    /// From the service's text.
    pub fn parse(text: &str) -> Self {
        match text.trim() {
            "活体人脸" => LivenessVerdict::Live,
            "非活体人脸" => LivenessVerdict::Spoof,
            t if t.starts_with("人脸清晰度较差") => LivenessVerdict::Unclear,
            t => LivenessVerdict::Other(t.to_string()),
        }
    }
}

impl<'de> Deserialize<'de> for LivenessVerdict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        de::string_lenient(d).map(|s| LivenessVerdict::parse(&s))
    }
}

/// One face of `silent_liveness`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct LivenessFace {
    #[serde(rename = "FaceAntiSpoofing")]
    pub verdict: LivenessVerdict,
    #[serde(rename = "face_location", default)]
    pub location: Rect,
}

/// Result of `silent_liveness`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SilentLiveness {
    #[serde(rename = "face_list", default, deserialize_with = "de::null_default")]
    pub faces: Vec<LivenessFace>,
}

/// First `resStr` character: name and ID number check (manual 002 simpauth66).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentityCheck {
    /// `0`: name and ID number match.
    Valid,
    /// `5`: no such record or name/number mismatch.
    Invalid,
    /// `6`: parameter format error.
    ParameterFormat,
    /// `7`: system error.
    SystemError,
    /// `A`: cross-network timeout.
    CrossNetworkTimeout,
    /// `E`: internal call error.
    InternalCallError,
    /// `T`: internal timeout.
    InternalTimeout,
    /// `X`: not executed.
    NotExecuted,
    /// Any other character.
    Unknown(char),
}

impl IdentityCheck {
    pub fn from_char(c: char) -> Self {
        match c {
            '0' => Self::Valid,
            '5' => Self::Invalid,
            '6' => Self::ParameterFormat,
            '7' => Self::SystemError,
            'A' => Self::CrossNetworkTimeout,
            'E' => Self::InternalCallError,
            'T' => Self::InternalTimeout,
            'X' => Self::NotExecuted,
            c => Self::Unknown(c),
        }
    }
}

/// Second `resStr` character: portrait comparison against the record photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortraitCheck {
    /// `0`: same person.
    SamePerson,
    /// `1`: not the same person.
    DifferentPerson,
    /// `2`: probably the same person.
    ProbablySamePerson,
    /// `A`: database error.
    DatabaseError,
    /// `B`: comparison error.
    ComparisonError,
    /// `C`: ID number empty or not 18 characters.
    IdNumberInvalid,
    /// `D`: no portrait on record.
    NoRecordPhoto,
    /// `E`: the portrait is not a JPEG.
    NotJpeg,
    /// `F`: modelling failed (angle, light, blur, too small).
    ModellingFailed,
    /// `G`: photo quality insufficient.
    PoorQuality,
    /// `J`: photo smaller than 5 KB.
    PhotoTooSmall,
    /// `K`: record photo of poor quality.
    PoorRecordPhoto,
    /// `T`: engine timeout.
    EngineTimeout,
    /// `W`: other (timeout).
    Other,
    /// `X`: not executed.
    NotExecuted,
    /// Any other character.
    Unknown(char),
}

impl PortraitCheck {
    pub fn from_char(c: char) -> Self {
        match c {
            '0' => Self::SamePerson,
            '1' => Self::DifferentPerson,
            '2' => Self::ProbablySamePerson,
            'A' => Self::DatabaseError,
            'B' => Self::ComparisonError,
            'C' => Self::IdNumberInvalid,
            'D' => Self::NoRecordPhoto,
            'E' => Self::NotJpeg,
            'F' => Self::ModellingFailed,
            'G' => Self::PoorQuality,
            'J' => Self::PhotoTooSmall,
            'K' => Self::PoorRecordPhoto,
            'T' => Self::EngineTimeout,
            'W' => Self::Other,
            'X' => Self::NotExecuted,
            c => Self::Unknown(c),
        }
    }
}

/// Result of `real_name_auth`, with `resStr` decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealNameVerification {
    pub cert_token: Option<String>,
    /// The raw 4-character result string.
    pub res_str: String,
    pub identity: IdentityCheck,
    pub portrait: PortraitCheck,
    /// `retMessage`, if any.
    pub message: Option<String>,
}

impl RealNameVerification {
    /// Name/ID valid and the portrait is the same person.
    pub fn is_verified(&self) -> bool {
        self.identity == IdentityCheck::Valid && self.portrait == PortraitCheck::SamePerson
    }

    /// Decode a `resStr` (at least 2 characters; characters 3–4 are ignored).
    pub fn decode_res_str(res_str: &str) -> Option<(IdentityCheck, PortraitCheck)> {
        let mut chars = res_str.trim().chars();
        let a = chars.next()?;
        let b = chars.next()?;
        Some((IdentityCheck::from_char(a), PortraitCheck::from_char(b)))
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawRealName {
    #[serde(default)]
    cert_token: Option<String>,
    #[serde(default, deserialize_with = "de::string_lenient")]
    res_str: String,
    #[serde(default)]
    ret_message: Option<String>,
}

/// The action asked for in `action_liveness`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LivenessAction {
    Blink,
    OpenMouth,
    FaceLeft,
    FaceRight,
    FaceUpdown,
}

impl LivenessAction {
    /// The wire value (`ActionType`).
    pub fn as_str(self) -> &'static str {
        match self {
            LivenessAction::Blink => "Blink",
            LivenessAction::OpenMouth => "OpenMouth",
            LivenessAction::FaceLeft => "FaceLeft",
            LivenessAction::FaceRight => "FaceRight",
            LivenessAction::FaceUpdown => "FaceUpdown",
        }
    }
}

/// Result of `action_liveness`: which actions were seen (`"True"`/`"False"` on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct ActionLiveness {
    /// The video shows a live person performing the requested action.
    #[serde(deserialize_with = "de::bool_lenient")]
    pub valid: bool,
    #[serde(default, deserialize_with = "de::bool_lenient")]
    pub eye: bool,
    #[serde(default, deserialize_with = "de::bool_lenient")]
    pub mouth: bool,
    #[serde(default, deserialize_with = "de::bool_lenient")]
    pub face_left: bool,
    #[serde(default, deserialize_with = "de::bool_lenient")]
    pub face_right: bool,
    #[serde(default, deserialize_with = "de::bool_lenient")]
    pub face_updown: bool,
}

impl CtyunFace<'_> {
    /// Face detection (`ctyun.face.detect`).
    pub fn detect(&self, image: Media<'_>, options: &DetectOptions) -> Result<FaceDetection> {
        let p = Params::default()
            .opt("FaceThresh", options.face_thresh)
            .opt("NeedFaceAngle", options.need_face_angle);
        let response = self
            .0
            .raw(ids::CTYUN_FACE_DETECT, &p.0, &[("ImageData", image)])?;
        let raw: RawDetection = decode(&response, response.result.clone())?;
        FaceDetection::try_from(raw)
            .map_err(|e| Error::protocol(format!("{}: {e}", response.operation)))
    }

    /// Age and gender (`ctyun.face.attributes`).
    pub fn attributes(&self, image: Media<'_>) -> Result<AgeGender> {
        self.0.typed(
            ids::CTYUN_FACE_ATTRIBUTES,
            &Params::default().0,
            &[("imageContent", image)],
        )
    }

    /// Similarity of two faces (`ctyun.face.compare`).
    pub fn compare(&self, image1: Media<'_>, image2: Media<'_>) -> Result<FaceComparison> {
        self.0.typed(
            ids::CTYUN_FACE_COMPARE,
            &Params::default().0,
            &[("img1Base64", image1), ("img2Base64", image2)],
        )
    }

    /// Silent (single-image) liveness (`ctyun.face.silent_liveness`).
    pub fn silent_liveness(&self, image: Media<'_>) -> Result<SilentLiveness> {
        self.0.typed(
            ids::CTYUN_FACE_SILENT_LIVENESS,
            &Params::default().0,
            &[("imageContent", image)],
        )
    }

    /// Real-name verification (`ctyun.face.real_name_auth`): a JPEG portrait of
    /// 10–40 KB, the 18-character ID number and the full name.
    pub fn real_name_auth(
        &self,
        portrait: Media<'_>,
        id_number: &str,
        full_name: &str,
    ) -> Result<RealNameVerification> {
        let p = Params::default()
            .set("idNum", id_number)
            .set("fullName", full_name);
        let response = self.0.raw(
            ids::CTYUN_FACE_REAL_NAME_AUTH,
            &p.0,
            &[("portrait", portrait)],
        )?;
        let raw: RawRealName = decode(&response, response.result.clone())?;
        let (identity, portrait) =
            RealNameVerification::decode_res_str(&raw.res_str).ok_or_else(|| {
                Error::protocol(format!(
                    "{}: resStr {:?} is shorter than 2 characters",
                    response.operation, raw.res_str
                ))
            })?;
        Ok(RealNameVerification {
            cert_token: raw.cert_token.filter(|t| !t.is_empty()),
            res_str: raw.res_str,
            identity,
            portrait,
            message: raw.ret_message.or(response.message),
        })
    }

    /// Video action liveness (`ctyun.face.action_liveness`): an mp4/avi/mov clip of
    /// 1–8 s at 10–30 fps showing `action`.
    pub fn action_liveness(
        &self,
        video: Media<'_>,
        action: LivenessAction,
    ) -> Result<ActionLiveness> {
        let p = Params::default().set("ActionType", action.as_str());
        self.0.typed(
            ids::CTYUN_FACE_ACTION_LIVENESS,
            &p.0,
            &[("VideoBase64", video)],
        )
    }
}

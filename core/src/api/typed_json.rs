//! Typed results for the bindings: [`typed_result_json`] runs an operation's parser —
//! the very function its typed method uses — on a [`Response`] and serializes the
//! typed value; [`RESULT_TYPES`] names each operation's Rust result type. Both come
//! from one table below, so they cannot disagree.

use super::huawei_iam::parse_projects;
use super::ids::*;
use super::*;
use crate::client::Response;
use crate::error::{Error, Result};
use serde::Serialize;
use serde_json::Value;

fn to_json<T: Serialize>(response: &Response, value: Result<T>) -> Result<Value> {
    serde_json::to_value(value?).map_err(|e| {
        Error::internal(format!(
            "{}: typed result does not serialize: {e}",
            response.operation
        ))
    })
}

/// `op id => Rust result type = parser;` for every catalog operation, in catalog
/// order. Generates [`RESULT_TYPES`] and [`typed_result_json`].
macro_rules! result_table {
    ($($id:ident => $ty:ty = $parse:expr;)+) => {
        /// (operation id, Rust result type of its typed method as written in the
        /// source, e.g. `Vec<Detection>`) for every catalog operation, in catalog order.
        pub const RESULT_TYPES: &[(&str, &str)] = &[$(($id, stringify!($ty))),+];

        /// The typed result of `response` (a successful call of `op_id`) as JSON:
        /// the operation's typed parser, then `serde` with the Rust field names
        /// (snake_case; enums as snake_case strings; bytes as standard base64).
        /// Errors: `InvalidInput` for an unknown `op_id`; the parser's `Protocol`
        /// error when the result does not have the documented shape.
        pub fn typed_result_json(op_id: &str, response: &Response) -> Result<Value> {
            $(if op_id == $id {
                let parse: fn(&Response) -> Result<$ty> = $parse;
                return to_json(response, parse(response));
            })+
            Err(Error::invalid_input("operation", format!("unknown operation {op_id:?}")))
        }
    };
}

result_table! {
    CTYUN_SAFETY_HAT_DETECT => Vec<Detection> = read;
    CTYUN_SAFETY_QUALITY_DETECT => FaceQuality = read;
    CTYUN_SAFETY_FAS_SHAKE => ActionCheck = read;
    CTYUN_SAFETY_FAS_UP => ActionCheck = read;
    CTYUN_SAFETY_FAS_DOWN => ActionCheck = read;
    CTYUN_SAFETY_FAS_LEFT => ActionCheck = read;
    CTYUN_SAFETY_FAS_MOUTH => ActionCheck = read;
    CTYUN_SAFETY_FAS_EYE => ActionCheck = read;
    CTYUN_SAFETY_FAS_RIGHT => ActionCheck = read;
    CTYUN_SAFETY_FALL_DETECT => EventScore = read;
    CTYUN_SAFETY_FIGHT_DETECT => EventScore = read;
    CTYUN_SAFETY_AIOP_HAT_DETECT => Vec<Detection> = read;
    CTYUN_SAFETY_AIOP_CLOTHES_DETECT => Vec<Detection> = read;
    CTYUN_SAFETY_AIOP_ELECTRONIC_FENCE => Vec<FenceResult> = read;
    CTYUN_FACE_DETECT => FaceDetection = FaceDetection::from_response;
    CTYUN_FACE_ATTRIBUTES => AgeGender = read;
    CTYUN_FACE_COMPARE => FaceComparison = read;
    CTYUN_FACE_SILENT_LIVENESS => SilentLiveness = read;
    CTYUN_FACE_REAL_NAME_AUTH => RealNameVerification = RealNameVerification::from_response;
    CTYUN_FACE_ACTION_LIVENESS => ActionLiveness = read;
    CTYUN_FACE2019_DETECT => Vec<ImageFaces> = read;
    CTYUN_FACE2019_ANALYSE => Vec<ImageAnalysis> = read;
    CTYUN_FACE2019_COMPARE => Vec<PairComparison> = read;
    HUAWEI_IMAGE_MEDIA_TAGGING => Tags = read;
    HUAWEI_IMAGE_MEDIA_TAGGING_DET => Tags = read;
    HUAWEI_IMAGE_CELEBRITY_RECOGNITION => Vec<Celebrity> = read;
    HUAWEI_IMAGE_MAIN_OBJECT_DETECTION => Vec<MainObject> = read;
    HUAWEI_IMAGE_RECAPTURE_DETECT => Recapture = read;
    HUAWEI_IMAGE_TAGGING_V2 => Tags = read;
    HUAWEI_IMAGE_TAGGING_V1 => Tags = read;
    HUAWEI_IMAGE_DARK_ENHANCE => ProcessedImage = ProcessedImage::from_response;
    HUAWEI_IMAGE_DEFOG => ProcessedImage = ProcessedImage::from_response;
    HUAWEI_IMAGE_SUPER_RESOLUTION => ProcessedImage = ProcessedImage::from_response;
    HUAWEI_IMAGE_BGM_RECOGNITION => BackgroundMusic = read;
    HUAWEI_IAM_TOKEN => IamTokenGrant = IamTokenGrant::from_response;
    HUAWEI_IAM_PROJECTS => Vec<Project> = parse_projects;
}

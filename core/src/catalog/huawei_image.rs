//! Huawei Cloud Image Recognition and the IAM look-ups it needs (manual 004).
//!
//! Image operations live on `https://image.{region}.myhuaweicloud.com`; the current
//! ones carry the caller's project id in the path (`{project_id}`, filled from the
//! client configuration, never a caller field). Success bodies put the payload under
//! `result`; failures are `{"error_code": "...", "error_msg": "..."}` (004 §3.4, §7.2).

use super::model::*;
use crate::error::ErrorKind;

/// `base64编码后大小不超过10M`: the limit counts the base64 text. Read as MiB.
const TEN_MIB: u64 = 10 * 1024 * 1024;

/// Background-music video limit `最大65MB`, read as MiB.
const SIXTY_FIVE_MIB: u64 = 65 * 1024 * 1024;

const JPEG_PNG_BMP_WEBP: &[MediaFormat] = &[
    MediaFormat::Jpeg,
    MediaFormat::Png,
    MediaFormat::Bmp,
    MediaFormat::Webp,
];

const JPEG_PNG_BMP: &[MediaFormat] = &[MediaFormat::Jpeg, MediaFormat::Png, MediaFormat::Bmp];

/// The `image` | `url` choice of every current operation and of v1 tagging.
const IMAGE_OR_URL: &[&[&str]] = &[&["image", "url"]];

const fn body(
    name: &'static str,
    kind: FieldKind,
    required: bool,
    default: Option<&'static str>,
    limits: Limits,
    doc: &'static str,
) -> Field {
    Field {
        name,
        kind,
        required,
        default,
        location: Location::Body,
        limits,
        doc,
    }
}

/// Optional base64 `image` (one of `image` | `url`).
const fn image_one_of(limits: Limits, doc: &'static str) -> Field {
    body("image", FieldKind::Image, false, None, limits, doc)
}

/// Optional `url` (one of `image` | `url`).
const URL_ONE_OF: Field = body(
    "url",
    FieldKind::Url,
    false,
    None,
    Limits::NONE,
    "Image URL the service downloads: public HTTP/HTTPS or an OBS URL in the service's \
     region (OBS access must be authorised). Exclusive with `image`.",
);

const LANGUAGE: Field = body(
    "language",
    FieldKind::Enum(&["zh", "en"]),
    false,
    Some("\"zh\""),
    Limits::NONE,
    "Language of the returned tags: zh (Chinese) or en (English).",
);

const fn range(min: f64, max: f64) -> Limits {
    Limits {
        min_value: Some(min),
        max_value: Some(max),
        ..Limits::NONE
    }
}

/// The image limits of the current (v2/v3) operations: base64 ≤ 10 MB, shortest side
/// ≥ 1 px, longest side ≤ `max_side`.
const fn current_image(formats: &'static [MediaFormat], max_side: u32) -> Limits {
    Limits {
        formats,
        max_encoded_bytes: Some(TEN_MIB),
        min_side: Some(1),
        max_side: Some(max_side),
        ..Limits::NONE
    }
}

/// Base64 ≤ 10 MB and a format list, nothing else (the deprecated `vision` operations).
const fn encoded_only(formats: &'static [MediaFormat]) -> Limits {
    Limits {
        formats,
        max_encoded_bytes: Some(TEN_MIB),
        ..Limits::NONE
    }
}

/// `code => kind, "meaning";` rows as a `&[ServiceError]`.
macro_rules! service_errors {
    ($($code:literal => $kind:ident, $meaning:literal;)*) => {
        &[$(ServiceError { code: $code, meaning: $meaning, kind: ErrorKind::$kind },)*]
    };
}

/// The shared error table (004 §7.2; every image operation refers to it), plus the two
/// codes that appear only in the operations' failure examples (`AIS.0005`, `AIS.0105`).
/// `APIGW.*` codes belong to the API gateway's own table, which this manual does not list.
#[rustfmt::skip]
const ERRORS: &[ServiceError] = service_errors! {
    "AIS.0002" => Authentication, "The authentication token is abnormal.";
    "AIS.0003" => Service, "Internal service error.";
    "AIS.0004" => Service, "The request is unauthorized (service not enabled).";
    "AIS.0005" => Service, "The service does not exist.";
    "AIS.0007" => Service, "The service has not been enabled yet.";
    "AIS.0010" => Service, "The header is missing or left empty.";
    "AIS.0011" => InvalidInput, "The request parameter is missing or left empty.";
    "AIS.0012" => InvalidInput, "The request parameter is not supported.";
    "AIS.0013" => Service, "The request method is not allowed.";
    "AIS.0014" => Service, "The JSON format of the input data is incorrect.";
    "AIS.0015" => Service, "Base64 decoding of the input data is incorrect.";
    "AIS.0020" => InvalidInput, "The size of the request body exceeds the upper limit.";
    "AIS.0021" => InvalidInput, "The requested file type is not supported.";
    "AIS.0022" => InvalidInput, "The URL is invalid.";
    "AIS.0023" => InvalidInput, "The file stored on OBS is oversized.";
    "AIS.0024" => Service, "Failed to obtain the file from OBS (signature expired or not authenticated).";
    "AIS.0025" => InvalidInput, "The file stored on OBS is empty.";
    "AIS.0026" => Authentication, "The token type is incorrect; a project-scoped token must be used.";
    "AIS.0027" => Service, "The account has been frozen.";
    "AIS.0028" => Service, "The job is not owned by the current user.";
    "AIS.0029" => Service, "Failed to download the file from the Internet; check the URL.";
    "AIS.0030" => Service, "Job not found (expired or wrong job_id).";
    "AIS.0031" => RateLimited, "The maximum number of uncompleted jobs has been reached; new jobs are suspended.";
    "AIS.0032" => Service, "The monthly free calls have been used up.";
    "AIS.0105" => Service, "Recognize Failed.";
    "AIS.0201" => Service, "An exception occurred while obtaining the input image.";
    "AIS.0202" => InvalidInput, "The image format is not supported.";
    "AIS.0203" => InvalidInput, "The input parameter does not meet the requirements.";
    "AIS.0204" => InvalidInput, "The color depth is not supported.";
    "AIS.0205" => InvalidInput, "The resolution of the image exceeds the upper limit.";
    "AIS.0206" => Service, "Algorithm calculation failed.";
    "AIS.0501" => InvalidInput, "The input parameter is invalid.";
    "AIS.0502" => InvalidInput, "The image format is not supported.";
    "AIS.0503" => InvalidInput, "The image is damaged.";
    "AIS.0504" => InvalidInput, "The image size does not meet requirements.";
    "AIS.0505" => Service, "Failed to run the algorithm.";
    "AIS.0506" => Service, "An internal error occurred.";
    "APIG.0101" => Service, "The API does not exist or has not been published (check region, URL and method).";
    "APIG.0201" => InvalidInput, "The request body is oversized.";
    "APIG.0301" => Authentication, "IAM authentication failed: token undecryptable or expired, or AK/SK signature rejected.";
    "APIG.0308" => RateLimited, "The request is sent too fast and exceeds the service's default rate limit.";
    "ModelArts.0203" => Authentication, "Invalid token.";
    "ModelArts.4101" => Authentication, "The token is empty.";
    "ModelArts.4102" => Authentication, "Failed to parse the token.";
    "ModelArts.4103" => Authentication, "The token is invalid.";
    "ModelArts.4104" => Service, "The length of the request body is invalid.";
    "ModelArts.4105" => Service, "The JSON format of the request body is incorrect.";
    "ModelArts.4106" => Service, "The account is restricted.";
    "ModelArts.4107" => Service, "An exception occurred when obtaining the temporary AK/SK.";
    "ModelArts.4201" => Service, "The request URL does not contain the service ID.";
    "ModelArts.4202" => Service, "The request URL format is invalid.";
    "ModelArts.4203" => Authentication, "No access permission.";
    "ModelArts.4204" => Service, "The API is not subscribed to.";
    "ModelArts.4601" => InvalidInput, "The external URL is invalid.";
    "ModelArts.4603" => Service, "The file failed to be downloaded from the external URL.";
    "ModelArts.4702" => Service, "The OBS agency failed to be queried.";
    "ModelArts.4703" => InvalidInput, "The OBS URL is invalid.";
    "ModelArts.4704" => Service, "Failed to obtain the OBS file.";
    "ModelArts.4705" => InvalidInput, "The OBS file is oversized.";
    "ModelArts.4706" => InvalidInput, "The OBS file does not exist.";
    "AIP.0001" => Authentication, "The authentication token is abnormal (HTTP 403).";
    "AIP.0003" => Authentication, "The request is unauthorized; check the project id in the URL (HTTP 401).";
    "AIP.0004" => Service, "The service does not exist.";
    "AIP.0005" => Service, "A header is missing or empty.";
    "AIP.0006" => InvalidInput, "A request parameter is missing or empty.";
    "AIP.0007" => InvalidInput, "A request parameter is incorrect.";
    "AIP.0008" => Service, "The request method is not allowed (HTTP 405).";
    "AIP.0009" => Service, "The JSON format of the input data is incorrect.";
    "AIP.0010" => InvalidInput, "A parameter value exceeds its range.";
    "AIP.0011" => Service, "The service has already been subscribed.";
    "AIP.0012" => InvalidInput, "The input parameter is incorrect.";
    "AIP.0013" => Service, "A subscription parameter is missing or incorrect.";
    "AIP.0014" => Service, "The data already exists.";
    "AIP.0015" => Service, "The service hasn't been subscribed.";
    "AIP.0016" => InvalidInput, "The request parameter is wrong.";
    "AIP.0017" => Service, "The task id does not exist.";
    "AIP.0018" => Service, "Unable to get the agency.";
    "AIP.0019" => InvalidInput, "Multiple inputs are not supported by this service version.";
    "AIP.0500" => Service, "Internal service error (HTTP 500).";
};

/// The manual's base64 result image for dark-enhance, defog and super-resolution
/// (the three show the same JPEG/Exif header). The manual cuts it off with `...` and
/// its PDF text garbles a few characters between copies; this is the header as the
/// copies agree once corrected, ending on a whole 4-character quantum so it decodes.
macro_rules! result_image_example {
    () => {
        r#"{"result":"/9j/4AAQSkZJRgABAQEASABIAAD/4RFZRXhpZgAATU0AKgAAAAgABwESAAMAAAABAAEAAAEaAAUAAAABAAAAYgEbAAUAAAABAAAAagEoAAMAAAABAAIAAAExAAIAAAAcAAAAcgEyAAIAAAAUAAAAjodpAAQAAAABAAAAoAAAAMwACvyAAAAnEAAK/IAAACcQQWRvYmUgUGhvdG9zaG9wIENTMyBXaW5kb3dzADIwMTc6MTA6MjAgMTA6NDU6MzYAAAAAA6ABAAMAAAAB//8AAKACAAQAAAABAAALIKADAAQAAAABAAAGQAAAAAAAAAAGAQMAAwAAAAEABgAAARoABQAAAAEAAAEeARsABQAAAAEAAAEmASgAAwAAAAEAAgAAAgEABAAAAAEAAAEuAgIABAAAAAEAABAj"}"#
    };
}

/// This manual's operations, in manual order.
pub(super) const OPERATIONS: &[Operation] = &[
    MEDIA_TAGGING,
    MEDIA_TAGGING_DET,
    CELEBRITY_RECOGNITION,
    MAIN_OBJECT_DETECTION,
    RECAPTURE_DETECT,
    TAGGING_V2,
    TAGGING_V1,
    DARK_ENHANCE,
    DEFOG,
    SUPER_RESOLUTION,
    BGM_RECOGNITION,
    IAM_TOKEN,
    IAM_PROJECTS,
];

const MEDIA_TAGGING: Operation = Operation {
    id: "huawei.image.media_tagging",
    summary: "Media image tagging (classification): tag names, types and confidences.",
    gateway: Gateway::HuaweiImage,
    auth: AuthScheme::Huawei,
    method: Method::Post,
    path: "/v2/{project_id}/image/media-tagging",
    headers: &[],
    fields: &[
        image_one_of(
            current_image(JPEG_PNG_BMP_WEBP, 10000),
            "Base64 image: encoded ≤ 10 MB, shortest side ≥ 1 px, longest side ≤ 10000 px, \
             JPEG/PNG/BMP/WEBP. Exclusive with `url`.",
        ),
        URL_ONE_OF,
        LANGUAGE,
        body(
            "threshold",
            FieldKind::Number,
            false,
            Some("40"),
            range(0.0, 100.0),
            "Confidence threshold, 0–100.",
        ),
        body(
            "limit",
            FieldKind::Integer,
            false,
            Some("10"),
            range(1.0, 150.0),
            "Most tags returned, 1–150.",
        ),
    ],
    one_of: IMAGE_OR_URL,
    envelope: false,
    qps: QpsGroup::Huawei,
    errors: ERRORS,
    binary_results: &[],
    deprecated: false,
    manual: "004 §4.1.1",
    // The manual's example is split by a page break: the PDF text repeats the second
    // tag's tail (once with `"type": "玩具"` and closing brackets, then again with
    // `i18n_type` Electronics / `"type": "电子类"`) and ends in `} } ]`. Kept: the
    // continuation (the version that matches the field table), brackets closed.
    response_example: r#"{
  "result": {
    "tags": [
      {
        "confidence": "39.42",
        "i18n_tag": {"en": "Picnic", "zh": "野餐"},
        "i18n_type": {"en": "Food", "zh": "食物"},
        "instances": [],
        "tag": "野餐",
        "type": "食物"
      },
      {
        "confidence": "30.19",
        "i18n_tag": {"en": "Miniature projector", "zh": "微型投影仪"},
        "i18n_type": {"en": "Electronics", "zh": "电子类"},
        "instances": [],
        "tag": "微型投影仪",
        "type": "电子类"
      },
      {
        "confidence": "24.93",
        "i18n_tag": {"en": "Picnic Basket", "zh": "野餐篮"},
        "i18n_type": {"en": "Home category", "zh": "家居类"},
        "instances": [],
        "tag": "野餐篮",
        "type": "家居类"
      },
      {
        "confidence": "21.58",
        "i18n_tag": {"en": "Harmonica", "zh": "口琴"},
        "i18n_type": {"en": "Culture and art", "zh": "文化艺术类"},
        "instances": [],
        "tag": "口琴",
        "type": "文化艺术类"
      }
    ]
  }
}"#,
};

const MEDIA_TAGGING_DET: Operation = Operation {
    id: "huawei.image.media_tagging_det",
    summary: "Media image tagging (detection): tags with bounding boxes.",
    gateway: Gateway::HuaweiImage,
    auth: AuthScheme::Huawei,
    method: Method::Post,
    path: "/v2/{project_id}/image/media-tagging-det",
    headers: &[],
    fields: &[
        image_one_of(
            current_image(JPEG_PNG_BMP_WEBP, 10000),
            "Base64 image: encoded ≤ 10 MB, shortest side ≥ 1 px, longest side ≤ 10000 px, \
             JPEG/PNG/BMP/WEBP. Exclusive with `url`.",
        ),
        URL_ONE_OF,
        LANGUAGE,
        body(
            "threshold",
            FieldKind::Number,
            false,
            Some("20"),
            range(0.0, 100.0),
            "Confidence threshold, 0–100.",
        ),
        body(
            "limit",
            FieldKind::Integer,
            false,
            Some("10"),
            range(1.0, 50.0),
            "Most tags returned, 1–50.",
        ),
    ],
    one_of: IMAGE_OR_URL,
    envelope: false,
    qps: QpsGroup::Huawei,
    errors: ERRORS,
    binary_results: &[],
    deprecated: false,
    manual: "004 §4.2",
    response_example: r#"{
  "result": {
    "tags": [{
      "confidence": "75.74",
      "instances": [{
        "confidence": "75.74",
        "bounding_box": {
          "height": 453,
          "top_left_x": 513,
          "top_left_y": 764,
          "width": 123
        }
      }],
      "i18n_tag": {
        "en": "tie",
        "zh": "领带"
      },
      "tag": "领带",
      "type": "服饰穿戴类"
    }]
  }
}"#,
};

const CELEBRITY_RECOGNITION: Operation = Operation {
    id: "huawei.image.celebrity_recognition",
    summary: "Celebrity recognition: known people in the image with face boxes.",
    gateway: Gateway::HuaweiImage,
    auth: AuthScheme::Huawei,
    method: Method::Post,
    path: "/v2/{project_id}/image/celebrity-recognition",
    headers: &[],
    fields: &[
        image_one_of(
            Limits {
                formats: JPEG_PNG_BMP_WEBP,
                max_encoded_bytes: Some(TEN_MIB),
                // The manual asks for a face of at least 40×40 px; an image smaller
                // than that cannot hold one.
                min_width: Some(40),
                min_height: Some(40),
                ..Limits::NONE
            },
            "Base64 image: encoded ≤ 10 MB, JPEG/PNG/BMP/WEBP, the face at least 40×40 px. \
             Exclusive with `url`.",
        ),
        URL_ONE_OF,
        body(
            "threshold",
            FieldKind::Number,
            false,
            Some("0.9"),
            range(0.0, 1.0),
            "Confidence threshold, 0–1; lower-confidence results are not returned.",
        ),
    ],
    one_of: IMAGE_OR_URL,
    envelope: false,
    qps: QpsGroup::Huawei,
    errors: ERRORS,
    binary_results: &[],
    deprecated: false,
    manual: "004 §4.3",
    // The manual's PDF text ends the example with `] ]] }` across a page break; the
    // field table says `result` is one array, so one `]` is kept.
    response_example: r#"{
  "result": [{
    "confidence": 0.44977834820747375,
    "face_detail": {
      "h": 280,
      "w": 186,
      "x": 163,
      "y": 117
    },
    "label": "xxx"
  }]
}"#,
};

const MAIN_OBJECT_DETECTION: Operation = Operation {
    id: "huawei.image.main_object_detection",
    summary: "Main object detection: the image's main subjects with their boxes.",
    gateway: Gateway::HuaweiImage,
    auth: AuthScheme::Huawei,
    method: Method::Post,
    // The URI section says v3; the request-URL note of the same section says v2 and
    // its examples drop the `/` after `{project_id}`. The URI section is taken.
    path: "/v3/{project_id}/image/main-object-detection",
    headers: &[],
    fields: &[
        image_one_of(
            current_image(JPEG_PNG_BMP_WEBP, 10000),
            "Base64 image: encoded ≤ 10 MB, shortest side ≥ 1 px, longest side ≤ 10000 px, \
             JPEG/PNG/BMP/WEBP. Exclusive with `url`.",
        ),
        URL_ONE_OF,
        body(
            "threshold",
            FieldKind::Number,
            false,
            Some("30"),
            range(0.0, 100.0),
            "Confidence threshold, 0–100; lower-confidence boxes are not returned.",
        ),
    ],
    one_of: IMAGE_OR_URL,
    envelope: false,
    qps: QpsGroup::Huawei,
    errors: ERRORS,
    binary_results: &[],
    deprecated: false,
    manual: "004 §4.4",
    // The manual's example lacks the closing `}` of the object; added.
    response_example: r#"{
  "result" : [ {
    "label" : "bounding_box",
    "location" : {
      "height" : 133.32,
      "top_left_x" : 53.13,
      "top_left_y" : 254.21,
      "width" : 117.58
    },
    "confidence" : "92.38"
  }, {
    "label" : "main_object_box",
    "location" : {
      "height" : 261.32,
      "top_left_x" : 256.13,
      "top_left_y" : 85.21,
      "width" : 139.58
    },
    "confidence" : "66.38"
  } ]
}"#,
};

const RECAPTURE_DETECT: Operation = Operation {
    id: "huawei.image.recapture_detect",
    summary: "Recapture detection: whether a (Huawei product) barcode photo is original \
              or re-photographed/printed.",
    gateway: Gateway::HuaweiImage,
    auth: AuthScheme::Huawei,
    method: Method::Post,
    path: "/v2/{project_id}/image/recapture-detect",
    headers: &[],
    fields: &[
        image_one_of(
            current_image(JPEG_PNG_BMP, 10000),
            "Base64 image: encoded ≤ 10 MB, shortest side ≥ 1 px, longest side ≤ 10000 px, \
             JPG/PNG/BMP. Exclusive with `url`.",
        ),
        URL_ONE_OF,
        body(
            "threshold",
            FieldKind::Number,
            false,
            Some("0.95"),
            range(0.0, 1.0),
            "Real/fake decision threshold, (0–1). The service silently replaces an \
             out-of-range value by the default, so cnvision rejects it locally.",
        ),
    ],
    one_of: IMAGE_OR_URL,
    envelope: false,
    qps: QpsGroup::Huawei,
    errors: ERRORS,
    binary_results: &[],
    deprecated: false,
    manual: "004 §4.5",
    response_example: r#"{
  "result" : {
    "suggestion" : "false",
    "category" : "recapture",
    "score" : "0.9998",
    "detail" : [ {
      "label" : "recapture",
      "confidence" : "0.9998"
    } ]
  }
}"#,
};

const TAGGING_V2: Operation = Operation {
    id: "huawei.image.tagging_v2",
    summary: "Image tagging (V2): scene, object and concept tags with confidences and boxes.",
    gateway: Gateway::HuaweiImage,
    auth: AuthScheme::Huawei,
    method: Method::Post,
    path: "/v2/{project_id}/image/tagging",
    headers: &[],
    fields: &[
        image_one_of(
            current_image(JPEG_PNG_BMP_WEBP, 4096),
            "Base64 image: encoded ≤ 10 MB, shortest side ≥ 1 px, longest side ≤ 4096 px, \
             JPEG/PNG/BMP/WEBP. Exclusive with `url`.",
        ),
        URL_ONE_OF,
        LANGUAGE,
        body(
            "threshold",
            FieldKind::Number,
            false,
            Some("60"),
            range(0.0, 100.0),
            "Confidence threshold, 0–100; lower-confidence tags are not returned.",
        ),
        body(
            "limit",
            FieldKind::Integer,
            false,
            None,
            range(1.0, 150.0),
            "Most tags returned, 1–150 (no documented default).",
        ),
    ],
    one_of: IMAGE_OR_URL,
    envelope: false,
    qps: QpsGroup::Huawei,
    errors: ERRORS,
    binary_results: &[],
    deprecated: false,
    manual: "004 §4.6",
    // The manual's example has one `}` too many after the instance (`} } }],`) and
    // lacks the `]` closing `tags`; both fixed, nothing else changed.
    response_example: r#"{
  "result": {
    "tags": [ {
      "confidence": "37.51",
      "instances": [ {
        "confidence": "92.38",
        "bounding_box": {
          "height": 133.32496056189905,
          "top_left_x": 53.134917332575874,
          "top_left_y": 254.21347984900842,
          "width": 117.5866567171537
        }
      } ],
      "tag": "人",
      "i18n_tag": {
        "en": "person",
        "zh": "人"
      },
      "type": "人类",
      "i18n_type": {
        "en": "Human",
        "zh": "人类"
      }
    } ]
  }
}"#,
};

const TAGGING_V1: Operation = Operation {
    id: "huawei.image.tagging_v1",
    summary: "Image tagging (V1.0, deprecated): tags with numeric confidences.",
    gateway: Gateway::HuaweiImage,
    auth: AuthScheme::Huawei,
    method: Method::Post,
    path: "/v1.0/image/tagging",
    headers: &[],
    fields: &[
        image_one_of(
            Limits {
                formats: JPEG_PNG_BMP_WEBP,
                max_encoded_bytes: Some(TEN_MIB),
                min_side: Some(15),
                max_side: Some(4096),
                ..Limits::NONE
            },
            "Base64 image: encoded ≤ 10 MB, shortest side ≥ 15 px, longest side ≤ 4096 px, \
             JPEG/PNG/BMP/WEBP. Exclusive with `url`.",
        ),
        URL_ONE_OF,
        LANGUAGE,
        body(
            "limit",
            FieldKind::Integer,
            false,
            Some("30"),
            Limits::NONE,
            "Most tags returned (no documented range).",
        ),
        body(
            "threshold",
            FieldKind::Number,
            false,
            Some("0"),
            range(0.0, 100.0),
            "Confidence threshold, 0–100. The service silently replaces an out-of-range \
             value by the default, so cnvision rejects it locally.",
        ),
    ],
    one_of: IMAGE_OR_URL,
    envelope: false,
    qps: QpsGroup::Huawei,
    errors: ERRORS,
    binary_results: &[],
    deprecated: true,
    manual: "004 §5.1",
    // The manual's example lacks the final `}`; added.
    response_example: r#"{
  "result": {
    "tags": [
      {
        "confidence": 38.51,
        "tag": "sky",
        "i18n_tag": {"en": "sky", "zh": "天空"},
        "type": "object"
      },
      {
        "confidence": 25.75,
        "tag": "landscape",
        "i18n_tag": {"en": "landscape", "zh": "风景"},
        "type": "scene"
      }
    ]
  }
}"#,
};

/// The deprecated image-processing operations also accept a multipart `file` instead
/// of `image` (the manual advises against it and answers with raw bytes); cnvision sends
/// JSON only, so `image` is required here.
const DARK_ENHANCE: Operation = Operation {
    id: "huawei.image.dark_enhance",
    summary: "Low-light enhancement (deprecated): returns the enhanced image as base64.",
    gateway: Gateway::HuaweiImage,
    auth: AuthScheme::Huawei,
    method: Method::Post,
    path: "/v1.0/vision/dark-enhance",
    headers: &[],
    fields: &[
        body(
            "image",
            FieldKind::Image,
            true,
            None,
            encoded_only(JPEG_PNG_BMP_WEBP),
            "Base64 image: encoded ≤ 10 MB, JPEG/PNG/BMP/WEBP.",
        ),
        body(
            "brightness",
            FieldKind::Number,
            false,
            Some("0.9"),
            range(0.0, 1.0),
            "Brightness, 0–1; higher is brighter.",
        ),
    ],
    one_of: &[],
    envelope: false,
    qps: QpsGroup::Huawei,
    errors: ERRORS,
    binary_results: &["/result"],
    deprecated: true,
    manual: "004 §5.2",
    response_example: result_image_example!(),
};

const DEFOG: Operation = Operation {
    id: "huawei.image.defog",
    summary: "Image defogging (deprecated): returns the defogged image as base64.",
    gateway: Gateway::HuaweiImage,
    auth: AuthScheme::Huawei,
    method: Method::Post,
    path: "/v1.0/vision/defog",
    headers: &[],
    fields: &[
        body(
            "image",
            FieldKind::Image,
            true,
            None,
            encoded_only(JPEG_PNG_BMP_WEBP),
            "Base64 image: encoded ≤ 10 MB, JPEG/PNG/BMP/WEBP.",
        ),
        body(
            "gamma",
            FieldKind::Number,
            false,
            Some("1.5"),
            range(0.1, 10.0),
            "Gamma correction, 0.1–10.",
        ),
        body(
            "natural_look",
            FieldKind::Bool,
            false,
            Some("true"),
            Limits::NONE,
            "Keep a natural look; false favours defogging over appearance.",
        ),
    ],
    one_of: &[],
    envelope: false,
    qps: QpsGroup::Huawei,
    errors: ERRORS,
    binary_results: &["/result"],
    deprecated: true,
    manual: "004 §5.3",
    response_example: result_image_example!(),
};

const SUPER_RESOLUTION: Operation = Operation {
    id: "huawei.image.super_resolution",
    summary: "Super-resolution reconstruction (deprecated): returns the upscaled image as base64.",
    gateway: Gateway::HuaweiImage,
    auth: AuthScheme::Huawei,
    method: Method::Post,
    path: "/v1.0/vision/super-resolution",
    headers: &[],
    fields: &[
        body(
            "image",
            FieldKind::Image,
            true,
            None,
            encoded_only(JPEG_PNG_BMP),
            "Base64 image: encoded ≤ 10 MB, JPEG/PNG/BMP.",
        ),
        body(
            "scale",
            FieldKind::Integer,
            false,
            Some("3"),
            range(3.0, 4.0),
            "Magnification, 3 or 4.",
        ),
        body(
            "model",
            FieldKind::Enum(&["ESPCN", "SRCNN"]),
            false,
            Some("\"ESPCN\""),
            Limits::NONE,
            "Algorithm: ESPCN (Efficient Sub-Pixel CNN) or SRCNN (Super-Resolution CNN).",
        ),
    ],
    one_of: &[],
    envelope: false,
    qps: QpsGroup::Huawei,
    errors: ERRORS,
    binary_results: &["/result"],
    deprecated: true,
    manual: "004 §5.4",
    response_example: result_image_example!(),
};

const BGM_RECOGNITION: Operation = Operation {
    id: "huawei.image.bgm_recognition",
    summary: "Video background-music recognition (deprecated): the music's name.",
    gateway: Gateway::HuaweiImage,
    auth: AuthScheme::Huawei,
    method: Method::Post,
    path: "/v1.0/bgm/recognition",
    headers: &[],
    fields: &[body(
        "url",
        FieldKind::Url,
        true,
        None,
        // These limits describe the video the URL points to; the service fetches it,
        // so they cannot be checked locally.
        Limits {
            formats: &[MediaFormat::Mp4],
            max_bytes: Some(SIXTY_FIVE_MIB),
            ..Limits::NONE
        },
        "Temporarily authorised OBS URL of the video: MP4 only, at most 65 MB.",
    )],
    one_of: &[],
    envelope: false,
    qps: QpsGroup::Huawei,
    errors: ERRORS,
    binary_results: &[],
    deprecated: true,
    manual: "004 §5.5",
    response_example: r#"{
  "result": {
    "audio_name": "my heart will go on"
  }
}"#,
};

const IAM_TOKEN: Operation = Operation {
    id: "huawei.iam.token",
    summary: "IAM user token (password identity, project scope). Success is HTTP 201 and \
              the token is the `X-Subject-Token` response header, valid 24 h. The body also \
              carries the constant `auth.identity.methods = [\"password\"]`; field names \
              are JSON pointers into the nested body.",
    gateway: Gateway::HuaweiIam,
    auth: AuthScheme::None,
    method: Method::Post,
    path: "/v3/auth/tokens",
    headers: &[],
    fields: &[
        body(
            "/auth/identity/password/user/name",
            FieldKind::Text,
            true,
            None,
            Limits::NONE,
            "IAM user name.",
        ),
        body(
            "/auth/identity/password/user/password",
            FieldKind::Text,
            true,
            None,
            Limits::NONE,
            "IAM user password (secret: never logged).",
        ),
        body(
            "/auth/identity/password/user/domain/name",
            FieldKind::Text,
            true,
            None,
            Limits::NONE,
            "Account (domain) name the IAM user belongs to.",
        ),
        body(
            "/auth/scope/project/name",
            FieldKind::Text,
            true,
            None,
            Limits::NONE,
            "Project name, e.g. the region `cn-north-4`; image APIs need a project-scoped token.",
        ),
    ],
    one_of: &[],
    envelope: false,
    qps: QpsGroup::Huawei,
    errors: &[],
    binary_results: &[],
    deprecated: false,
    manual: "004 §3.2, §3.3",
    // The manual shows only the beginning of the body ("为篇幅起见，这里只展示部分内容")
    // and cuts it with `.....`; this keeps exactly the shown members, closed.
    response_example: r#"{
  "token": {
    "expires_at": "2019-02-13T06:52:13.855000Z",
    "methods": ["password"],
    "catalog": [
      {
        "endpoints": [
          {
            "region_id": "cn-north-1"
          }
        ]
      }
    ]
  }
}"#,
};

const IAM_PROJECTS: Operation = Operation {
    id: "huawei.iam.projects",
    summary: "IAM project look-up: the project whose `name` is the region gives the \
              `project_id` of the image paths.",
    gateway: Gateway::HuaweiIam,
    auth: AuthScheme::Huawei,
    method: Method::Get,
    path: "/v3/projects",
    headers: &[],
    fields: &[Field {
        name: "name",
        kind: FieldKind::Text,
        required: false,
        default: None,
        location: Location::Query,
        limits: Limits::NONE,
        doc: "Project name to match, e.g. the region `cn-north-4`; without it every \
              project of the account is listed.",
    }],
    one_of: &[],
    envelope: false,
    qps: QpsGroup::Huawei,
    errors: &[],
    binary_results: &[],
    deprecated: false,
    manual: "004 §7.4",
    response_example: r#"{
  "projects": [{
    "domain_id": "65382450e8f64ac0870cd180d14e684b",
    "is_domain": false,
    "parent_id": "65382450e8f64ac0870cd180d14e684b",
    "name": "cn-north-4",
    "description": "",
    "links": {
      "next": null,
      "previous": null,
      "self": "https://www.example.com/v3/projects/a4a5d4098fb4474fa22cd05f897d6b99"
    },
    "id": "a4a5d4098fb4474fa22cd05f897d6b99",
    "enabled": true
  }],
  "links": {
    "next": null,
    "previous": null,
    "self": "https://www.example.com/v3/projects"
  }
}"#,
};

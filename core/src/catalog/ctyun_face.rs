//! CTyun face recognition on the EOP gateway (manual 002).
//!
//! Every operation: `POST https://ai-global.ctapi.ctyun.cn{path}`, EOP signature +
//! `appkey` header, JSON body. §6.2.2/§6.2.4 allow the `decrypted: true` header with the
//! SM2/SM4/HMAC-SM3 envelope for the product's API as a whole, so every operation here has
//! `envelope: true` (the response is encrypted only when `statusCode` is 0). QPS (§7.3):
//! 10 per second, video action liveness 1. Sizes: 1 MB = 1024 × 1024 bytes, 1 KB = 1024.

use super::model::*;

const KB: u64 = 1024;
const MB: u64 = 1024 * KB;

const STILL_FORMATS: &[MediaFormat] = &[MediaFormat::Jpeg, MediaFormat::Png, MediaFormat::Bmp];

/// A face image of §6.3.2–6.3.4: plain base64, jpg/jpeg/png/bmp, < 2 MB.
const fn face_image(name: &'static str, doc: &'static str) -> Field {
    Field {
        name,
        kind: FieldKind::Image,
        required: true,
        default: None,
        location: Location::Body,
        limits: Limits {
            formats: STILL_FORMATS,
            max_bytes: Some(2 * MB),
            ..Limits::NONE
        },
        doc,
    }
}

// ------------------------------------------------------------ 6.3.1 DetectFace (v3)

const DETECT_FIELDS: &[Field] = &[
    Field {
        name: "Action",
        kind: FieldKind::Enum(&["DetectFace"]),
        required: true,
        default: Some("\"DetectFace\""),
        location: Location::Body,
        limits: Limits::NONE,
        doc: "Service name, fixed value `DetectFace`.",
    },
    Field {
        name: "ImageData",
        kind: FieldKind::Image,
        required: true,
        default: None,
        location: Location::Body,
        limits: Limits {
            formats: STILL_FORMATS,
            max_bytes: Some(2 * MB),
            min_side: Some(32),
            max_side: Some(5000),
            ..Limits::NONE
        },
        // Unsettled: the requirements say "< 2MB", error AI_OP_400013 "小于 7M"; the
        // requirement (and §7.4) is followed.
        doc: "The image as plain base64. jpg/jpeg/png/bmp; image < 2 MB raw (requirements \
              and §7.4; error AI_OP_400013 text says 7 MB); each side 32–5000 px \
              (error AI_OP_410002).",
    },
    Field {
        name: "FaceThresh",
        kind: FieldKind::Number,
        required: false,
        default: Some("0.5"),
        location: Location::Body,
        limits: Limits {
            min_value: Some(0.0),
            max_value: Some(1.0),
            ..Limits::NONE
        },
        doc: "Face score threshold in [0, 1], default 0.5; faces scoring lower are not returned.",
    },
    Field {
        name: "NeedFaceAngle",
        kind: FieldKind::Bool,
        required: false,
        default: Some("false"),
        location: Location::Body,
        limits: Limits::NONE,
        doc: "Return `FaceAngles` ([pitch, yaw, roll] in degrees per face); default false.",
    },
];

// The manual's example uses single quotes and closes `Landmarks` with `]]]` and no final
// `}`; quotes made JSON and the brackets balanced (`]]` + `}}`). Values are unchanged.
const DETECT_RESPONSE: &str = r#"{
  "statusCode": 0,
  "message": "success ",
  "returnObj": {
    "DetectBoxes": [[1135, 181, 279, 274]],
    "DetectClses": ["face"],
    "DetectCount": 1,
    "DetectScores": [0.6763],
    "FaceAngles": [[-40.4, 1.2, 5.16]],
    "LandmarkCount": 5,
    "Landmarks": [[1214, 290, 1335, 289, 1273, 380, 1235, 407, 1319, 407]]
  }
}"#;

const DETECT_ERRORS: &[ServiceError] = with_body_format_errors![
    e!(
        "AI_OP_400006",
        InvalidInput,
        "必传的参数未传 (Action or ImageData missing)"
    ),
    e!(
        "AI_OP_400008",
        Service,
        "请求体的参数字段类型错误 (a field has the wrong JSON type)"
    ),
    e!(
        "AI_OP_400009",
        InvalidInput,
        "请求体的参数字段值为空 (Action or ImageData empty)"
    ),
    e!(
        "AI_OP_400010",
        InvalidInput,
        "请求体的参数字段值设置错误 (Action wrong or FaceThresh out of range)"
    ),
    e!(
        "AI_OP_400011",
        Service,
        "base64 数据处理异常 (ImageData base64 could not be decoded)"
    ),
    e!(
        "AI_OP_400012",
        InvalidInput,
        "文件格式不合法 (only jpeg/png/jpg/bmp)"
    ),
    e!(
        "AI_OP_400013",
        InvalidInput,
        "文件大小不符合要求 (image too large; text says < 7M)"
    ),
    e!(
        "AI_OP_410001",
        InvalidInput,
        "图片解码错误 (bytes are not a decodable image)"
    ),
    e!(
        "AI_OP_410002",
        InvalidInput,
        "图片尺寸不符合要求 (each side must be 32–5000 px)"
    ),
    e!(
        "AI_OP_500001",
        Service,
        "服务接口异常，请联系管理员 (service error)"
    ),
];

// ------------------------------------------------- 6.3.2 age/gender attributes

const ATTRIBUTES_FIELDS: &[Field] = &[face_image(
    "imageContent",
    "The image as plain base64 without `data:` prefix. jpg/jpeg/png/bmp; image < 2 MB raw.",
)];

const ATTRIBUTES_RESPONSE: &str = r#"{
  "statusCode": 0,
  "message": "success",
  "returnObj": {
    "face_num": 1,
    "face_list": [{
      "face_location": {"top": 36, "left": 48, "width": 58, "height": 72},
      "gender": "Male",
      "age": "23"
    }]
  }
}"#;

const ATTRIBUTES_ERRORS: &[ServiceError] = with_eop_gateway_errors![
    e!(
        "AI_OP_4101",
        InvalidInput,
        "请求内容错误 (content empty or wrong parameter name)"
    ),
    e!(
        "AI_OP_4102",
        Service,
        "请求参数格式错误 (a field has the wrong type)"
    ),
    e!(
        "AI_OP_4103",
        InvalidInput,
        "图片大小超过2M (image larger than 2 MB)"
    ),
    e!(
        "AI_OP_4104",
        InvalidInput,
        "图片解码失败 (image empty, bad base64 or unsupported format)"
    ),
    e!("AI_OP_4105", Service, "未检测到人脸 (no face in the image)"),
];

// ------------------------------------------------------------ 6.3.3 compare (v2)

const COMPARE_FIELDS: &[Field] = &[
    face_image(
        "img1Base64",
        "First image, plain base64 without `data:` prefix. jpg/jpeg/png/bmp; < 2 MB raw.",
    ),
    face_image(
        "img2Base64",
        "Second image, plain base64 without `data:` prefix. jpg/jpeg/png/bmp; < 2 MB raw.",
    ),
];

const COMPARE_RESPONSE: &str = r#"{
  "statusCode": 0,
  "message": "success",
  "returnObj": {
    "LandmarkA": [104, 109, 146, 112, 122, 137, 102, 146, 145, 148],
    "LandmarkB": [103, 108, 147, 116, 120, 142, 99, 147, 139, 155],
    "RectAList": [80, 67, 94, 116],
    "RectBList": [75, 62, 104, 118],
    "Score": 0.6841
  }
}"#;

// AI_OP_400013 and AI_OP_410001 are listed twice (image one / image two); one entry each.
const COMPARE_ERRORS: &[ServiceError] = with_body_format_errors![
    e!(
        "AI_OP_400006",
        InvalidInput,
        "必传的参数未传 (img1Base64 or img2Base64 missing)"
    ),
    e!(
        "AI_OP_400008",
        Service,
        "请求体的参数字段类型错误 (img1Base64/img2Base64 must be strings)"
    ),
    e!(
        "AI_OP_400009",
        InvalidInput,
        "请求体的参数字段值为空 (img1Base64/img2Base64 empty)"
    ),
    e!(
        "AI_OP_400011",
        Service,
        "base64数据处理异常 (base64 could not be decoded)"
    ),
    e!(
        "AI_OP_400012",
        InvalidInput,
        "文件格式不合法 (only jpeg/png/jpg/bmp)"
    ),
    e!(
        "AI_OP_400013",
        InvalidInput,
        "文件大小不符合要求 (image one/two must be < 2M)"
    ),
    e!(
        "AI_OP_410001",
        InvalidInput,
        "图片一/图片二解码错误 (bytes are not a decodable image)"
    ),
];

// ------------------------------------------------------- 6.3.4 silent liveness

const LIVENESS_FIELDS: &[Field] = &[face_image(
    "imageContent",
    "The image as plain base64 without `data:` prefix. jpg/jpeg/png/bmp; image < 2 MB raw.",
)];

// The manual's example has a trailing comma after `FaceAntiSpoofing`; removed. Its value
// lists the three possible answers in one string, kept verbatim: a real answer is one of
// 活体人脸 / 非活体人脸 / 人脸清晰度差，无法判断. `statusCode` is the string "0" here.
const LIVENESS_RESPONSE: &str = r#"{
  "statusCode": "0",
  "message": "success ",
  "returnObj": {
    "face_num": 1,
    "face_list": [{
      "face_location": {"top": 36, "left": 48, "width": 58, "height": 72},
      "FaceAntiSpoofing": "活体人脸/非活体人脸/人脸清晰度较差, 无法判断"
    }]
  }
}"#;

const LIVENESS_ERRORS: &[ServiceError] = with_eop_gateway_errors![
    e!(
        "CTAPI_0009",
        Service,
        "无效json的body参数 (body is not valid JSON)"
    ),
    e!(
        "AI_OP_4102",
        Service,
        "请求参数格式错误 (a field has the wrong type)"
    ),
    e!(
        "AI_OP_4103",
        InvalidInput,
        "图片大小超过2M (image larger than 2 MB)"
    ),
    e!(
        "AI_OP_4104",
        InvalidInput,
        "图片解码失败 (image empty, bad base64 or unsupported format)"
    ),
    e!("AI_OP_4105", Service, "未检测到人脸 (no face in the image)"),
    e!("AI_OP_5000", Service, "服务内部错误 (internal error)"),
];

// ------------------------------------------------- 6.3.5 real-name (simpauth66)

const REAL_NAME_FIELDS: &[Field] = &[
    Field {
        name: "portrait",
        kind: FieldKind::Image,
        required: true,
        default: None,
        location: Location::Body,
        limits: Limits {
            formats: &[MediaFormat::Jpeg],
            min_bytes: Some(10 * KB),
            max_bytes: Some(40 * KB),
            ..Limits::NONE
        },
        doc: "Live face photo, JPEG only, plain base64 with no header and no line breaks. \
              The original (raw, not base64) file must be compressed to 10–40 KB \
              (resStr byte 2 `J` = under 5 KB raw, `E` = not JPEG).",
    },
    Field {
        name: "idNum",
        kind: FieldKind::Text,
        required: true,
        default: None,
        location: Location::Body,
        limits: Limits {
            min_len: Some(18),
            max_len: Some(18),
            pattern: Some(TextPattern::ChineseIdNumber),
            ..Limits::NONE
        },
        doc: "Resident ID number: 18 characters, GB 11643 check digit; a final X is upper case.",
    },
    Field {
        name: "fullName",
        kind: FieldKind::Text,
        required: true,
        default: None,
        location: Location::Body,
        limits: Limits {
            min_len: Some(1),
            ..Limits::NONE
        },
        doc: "The person's name, with spaces and other unusual characters removed.",
    },
];

// `statusCode` + `retMessage` + `certToken` + `resStr`, no `returnObj`. resStr: byte 1 =
// name/ID check (0 valid, 5 invalid, 6 bad params, 7 system, A/E/T/X …), byte 2 = portrait
// comparison (0 same person, 1 not, 2 probably, A–G/J/K/T/W/X …), bytes 3–4 ignorable.
const REAL_NAME_RESPONSE: &str = r#"{
  "certToken": "d182 ca85 - xxxx - xxxx - xxxx - 868 cb258 ceab",
  "resStr": "00XX",
  "statusCode": 0,
  "retMessage": "成功"
}"#;

const REAL_NAME_ERRORS: &[ServiceError] = with_eop_gateway_errors![
    e!("AI_OP_1", Service, "接口调用失败 (call failed)"),
    e!("AI_OP_2", Service, "服务器错误 (server error)"),
    e!(
        "AI_OP_4002",
        InvalidInput,
        "参数错误, 见retMessage (portrait not base64/too long, invalid ID number …)"
    ),
    e!(
        "AI_OP_4010",
        RateLimited,
        "认证接口并发已到上限 (QPS limit reached)"
    ),
    e!(
        "AI_OP_4101",
        Service,
        "身份认证未通过 (verification did not pass; see resStr)"
    ),
    e!(
        "AI_OP_4103",
        Service,
        "身份认证服务异常 (verification service error)"
    ),
    e!(
        "AI_OP_4104",
        Service,
        "认证接口调用超时 (verification timed out)"
    ),
    e!(
        "AI_OP_4109",
        Service,
        "非库内人员 (person not on record, or name/ID mismatch)"
    ),
];

// ------------------------------------------------- 6.3.6 video action liveness

const ACTION_FIELDS: &[Field] = &[
    Field {
        name: "Action",
        kind: FieldKind::Enum(&["ActionFas"]),
        required: true,
        default: Some("\"ActionFas\""),
        location: Location::Body,
        limits: Limits::NONE,
        doc: "Service name, fixed value `ActionFas`.",
    },
    Field {
        name: "VideoBase64",
        kind: FieldKind::Video,
        required: true,
        default: None,
        location: Location::Body,
        limits: Limits {
            formats: &[MediaFormat::Mp4, MediaFormat::Avi, MediaFormat::Mov],
            max_bytes: Some(8 * MB),
            max_encoded_bytes: Some(11 * MB),
            min_duration_ms: Some(1000),
            max_duration_ms: Some(8000),
            min_fps: Some(10.0),
            max_fps: Some(30.0),
            ..Limits::NONE
        },
        // The field table says "Base64编码后大小不超过 8MB"; the requirements (and error
        // AI_OP_400012) say raw ≤ 8 MB and base64 ≤ 11 MB, which is followed.
        doc: "One video file (not a stream) as plain base64. mp4/avi/mov container; raw file \
              ≤ 8 MB and base64 ≤ 11 MB; duration 1–8 s; 10–30 fps.",
    },
    Field {
        name: "ActionType",
        kind: FieldKind::Enum(&["Blink", "OpenMouth", "FaceLeft", "FaceRight", "FaceUpdown"]),
        required: true,
        default: None,
        location: Location::Body,
        limits: Limits::NONE,
        doc: "Expected action: Blink (眨眼), OpenMouth (张嘴), FaceLeft (左摇头), \
              FaceRight (右摇头), FaceUpdown (上下点头).",
    },
];

// Values are the strings "True"/"False", not JSON booleans.
const ACTION_RESPONSE: &str = r#"{
  "statusCode": 0,
  "message": "success",
  "returnObj": {
    "eye": "True",
    "face_left": "False",
    "face_right": "False",
    "face_updown": "False",
    "mouth": "False",
    "valid": "True"
  }
}"#;

const ACTION_ERRORS: &[ServiceError] = with_body_format_errors![
    e!(
        "AI_OP_400006",
        InvalidInput,
        "必传的参数未传 (Action, ActionType or VideoBase64 missing)"
    ),
    e!(
        "AI_OP_400008",
        Service,
        "请求体的参数字段类型错误 (fields must be strings)"
    ),
    e!(
        "AI_OP_400009",
        InvalidInput,
        "请求体的参数字段值为空 (Action, ActionType or VideoBase64 empty)"
    ),
    e!(
        "AI_OP_400010",
        InvalidInput,
        "请求体的参数字段值设置错误 (Action or ActionType value wrong)"
    ),
    e!(
        "AI_OP_400011",
        InvalidInput,
        "视频时长不符合要求 (duration must be 1–8 s)"
    ),
    e!(
        "AI_OP_400012",
        InvalidInput,
        "视频编码后大小不符合要求 (base64 must be < 11M)"
    ),
    e!(
        "AI_OP_400013",
        InvalidInput,
        "视频帧率不符合要求 (frame rate must be 10–30 fps)"
    ),
    e!(
        "AI_OP_400015",
        InvalidInput,
        "视频封装格式不符合要求 (container must be mp4/avi/mov)"
    ),
    e!(
        "AI_OP_400016",
        InvalidInput,
        "视频读取失败 (video file damaged)"
    ),
    e!(
        "AI_OP_400017",
        Service,
        "视频Base64数据处理异常 (base64 could not be decoded)"
    ),
    e!(
        "AI_OP_400018",
        Service,
        "视频未检测到人脸 (no face in the video)"
    ),
    e!("AI_OP_400019", Service, "视频光线过暗 (video too dark)"),
    e!("AI_OP_400020", Service, "视频光线过亮 (video too bright)"),
    e!(
        "AI_OP_400021",
        Service,
        "视频清晰度过低 (video not sharp enough)"
    ),
    e!(
        "AI_OP_500001",
        Service,
        "服务接口异常，请联系管理员 (service error)"
    ),
];

/// This manual's operations, in manual order.
pub(super) const OPERATIONS: &[Operation] = &[
    Operation {
        id: "ctyun.face.detect",
        summary: "Face detection (v3): boxes, scores, 5 landmarks and optional angles",
        gateway: Gateway::CtyunEop,
        auth: AuthScheme::Eop,
        method: Method::Post,
        path: "/v1/aiop/api/2f6hqix09mv4/face/PERSON/person/detectFaceFromBase64",
        headers: &[("version", "v3")],
        fields: DETECT_FIELDS,
        one_of: &[],
        envelope: true,
        qps: QpsGroup::Face,
        errors: DETECT_ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "002 §6.3.1",
        response_example: DETECT_RESPONSE,
    },
    Operation {
        id: "ctyun.face.attributes",
        summary: "Face attributes: age and gender of each face",
        gateway: Gateway::CtyunEop,
        auth: AuthScheme::Eop,
        method: Method::Post,
        path: "/v1/aiop/api/2f6hw5o5t7gg/face/PERSON/person/detectAgeGenderFromBase64",
        headers: &[],
        fields: ATTRIBUTES_FIELDS,
        one_of: &[],
        envelope: true,
        qps: QpsGroup::Face,
        errors: ATTRIBUTES_ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "002 §6.3.2",
        response_example: ATTRIBUTES_RESPONSE,
    },
    Operation {
        id: "ctyun.face.compare",
        summary: "Face compare (v2): similarity of the central faces of two images",
        gateway: Gateway::CtyunEop,
        auth: AuthScheme::Eop,
        method: Method::Post,
        path: "/v1/aiop/api/2f7awxekgvls/face/compare/PERSON/person/compareFromBase64",
        headers: &[("version", "v2")],
        fields: COMPARE_FIELDS,
        one_of: &[],
        envelope: true,
        qps: QpsGroup::Face,
        errors: COMPARE_ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "002 §6.3.3",
        response_example: COMPARE_RESPONSE,
    },
    Operation {
        id: "ctyun.face.silent_liveness",
        summary: "Silent liveness: is each face in one image live",
        gateway: Gateway::CtyunEop,
        auth: AuthScheme::Eop,
        method: Method::Post,
        path: "/v1/aiop/api/2hfksnibjaos/face-fas-action/person/detectFasFromBase64",
        headers: &[],
        fields: LIVENESS_FIELDS,
        one_of: &[],
        envelope: true,
        qps: QpsGroup::Face,
        errors: LIVENESS_ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "002 §6.3.4",
        response_example: LIVENESS_RESPONSE,
    },
    Operation {
        id: "ctyun.face.real_name_auth",
        summary: "Real-name verification (simpauth66): name + ID number + live photo",
        gateway: Gateway::CtyunEop,
        auth: AuthScheme::Eop,
        method: Method::Post,
        path: "/v1/aiop/api/348c0ca2pkw0/gcapi/simpauth66",
        headers: &[],
        fields: REAL_NAME_FIELDS,
        one_of: &[],
        envelope: true,
        qps: QpsGroup::Face,
        errors: REAL_NAME_ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "002 §6.3.5",
        response_example: REAL_NAME_RESPONSE,
    },
    Operation {
        id: "ctyun.face.action_liveness",
        summary: "Video action liveness (ActionFas): expected action and liveness in a clip",
        gateway: Gateway::CtyunEop,
        auth: AuthScheme::Eop,
        method: Method::Post,
        // The curl example says `/v1/aio/api/…`; the URI line (`/v1/aiop/api/…`) is followed.
        path: "/v1/aiop/api/3j8ogbxxpce8/action-fas/predict",
        headers: &[],
        fields: ACTION_FIELDS,
        one_of: &[],
        envelope: true,
        qps: QpsGroup::VideoLiveness,
        errors: ACTION_ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "002 §6.3.6",
        response_example: ACTION_RESPONSE,
    },
];

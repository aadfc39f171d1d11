//! CTyun safety production on the EOP gateway (manual 000).
//!
//! Every operation: `POST https://ai-global.ctapi.ctyun.cn{path}`, EOP signature +
//! `appkey` header, JSON body, safety QPS group (5 QPS, §5.3). Manual 000 does not
//! describe the `decrypted: true` envelope, but it is a feature of the same EOP AI
//! gateway (manual 002 §6.2.4) and issue 3 asks for every EOP operation to be callable
//! with it, so `envelope` is true throughout.
//! Sizes: MB/KB are read as binary units (1 MB = 1024 × 1024 bytes).

use super::model::*;

const MB: u64 = 1024 * 1024;

// ---------------------------------------------------------------- 4.3.1 hat_detect

const HAT_FIELDS: &[Field] = &[Field {
    name: "image",
    kind: FieldKind::Image,
    required: true,
    default: None,
    location: Location::Body,
    limits: Limits {
        formats: &[
            MediaFormat::Png,
            MediaFormat::Jpeg,
            MediaFormat::Bmp,
            MediaFormat::Gif,
            MediaFormat::Tiff,
        ],
        max_encoded_bytes: Some(5 * MB),
        ..Limits::NONE
    },
    doc: "One image as plain base64 (no `data:` prefix). png/jpg/jpeg/bmp/gif/tif; \
          ≤ 5 MB AFTER base64 encoding (manual: \"base64 编码后图片大小不超过 5 MB\"). \
          The manual recommends URL-safe base64.",
}];

// The manual's success example lacks the comma after `"statusCode": 0`; added here.
// The field table names the status `code`, the example `statusCode`; the example is kept.
const HAT_RESPONSE: &str = r#"{
  "statusCode": 0,
  "message": "success",
  "returnObj": [
    {"box": [15, 72, 84, 129], "classname": "blue_hat", "score": 0.9998},
    {"box": [44, 107, 104, 200], "classname": "blue_hat", "score": 0.9984}
  ]
}"#;

const HAT_ERRORS: &[ServiceError] = with_eop_gateway_errors![
    e!(
        "4001",
        InvalidInput,
        "请求未包含图片 (no image in the request)"
    ),
    e!(
        "4002",
        InvalidInput,
        "图片文件大小不符合要求 (image must be < 5 MB)"
    ),
    e!(
        "4003",
        Service,
        "base64 数据处理异常 (base64 could not be processed)"
    ),
    e!(
        "4005",
        Service,
        "body 内容为空 (body empty / not a JSON object)"
    ),
    e!(
        "4006",
        Service,
        "请求数据格式错误 (request JSON could not be parsed)"
    ),
];

// ------------------------------------------------------- 4.3.2.1 quality_detect

const FACE_FAS_FORMATS: &[MediaFormat] = &[MediaFormat::Jpeg, MediaFormat::Png, MediaFormat::Bmp];

const QUALITY_FIELDS: &[Field] = &[Field {
    name: "imageContent",
    kind: FieldKind::Image,
    required: true,
    default: None,
    location: Location::Body,
    limits: Limits {
        formats: FACE_FAS_FORMATS,
        max_width: Some(960),
        max_height: Some(1280),
        ..Limits::NONE
    },
    doc: "One image containing a face, plain base64 without `data:` prefix. jpg/png/bmp; \
          width ≤ 960 px, height ≤ 1280 px (of the original image). No size limit documented.",
}];

// The example's payload key is `result`; the field table says `returnObj`. Kept as printed.
const QUALITY_RESPONSE: &str = r#"{
  "code": 0,
  "message": "success",
  "result": {"face_quality": "good"}
}"#;

const QUALITY_ERRORS: &[ServiceError] = with_eop_gateway_errors![
    e!(
        "AI_OP_4201",
        InvalidInput,
        "请求内容错误 (content empty or wrong parameter name)"
    ),
    e!(
        "AI_OP_4202",
        Service,
        "请求参数格式错误 (parameter format invalid)"
    ),
    e!(
        "AI_OP_4203",
        InvalidInput,
        "图片解码失败 (image empty, bad base64 or unsupported format)"
    ),
    e!(
        "AI_OP_4204",
        Service,
        "人脸探测异常, 请确保为真实人脸! (non-live face or poor lighting)"
    ),
    e!(
        "AI_OP_4205",
        InvalidInput,
        "所上传图片尺寸过大 (original image wider/higher than allowed)"
    ),
    e!(
        "AI_OP_4210",
        InvalidInput,
        "有图片解码失败 (an image failed to decode)"
    ),
    e!(
        "AI_OP_4212",
        Service,
        "请正对摄像头, 请避免逆光环境! (no face found or backlit)"
    ),
    e!(
        "AI_OP_4213",
        Service,
        "有图片包含多张人脸 (more than one face)"
    ),
    e!(
        "AI_OP_5000",
        Service,
        "服务内部错误, 请联系管理员 (internal error)"
    ),
];

// ------------------------------------------- 4.3.2.2 action liveness (7 operations)

const FAS_FIELDS: &[Field] = &[Field {
    name: "imageNContent",
    kind: FieldKind::ImageSequence {
        prefix: "image",
        suffix: "Content",
    },
    required: true,
    default: None,
    location: Location::Body,
    limits: Limits {
        formats: FACE_FAS_FORMATS,
        max_width: Some(960),
        max_height: Some(1280),
        min_count: Some(3),
        max_count: Some(35),
        ..Limits::NONE
    },
    doc: "Frame sequence sent as `image1Content` … `imageNContent`, numbered from 1 without \
          gaps (AI_OP_4209), each plain base64. 3–35 frames (6–10 recommended, 1–2 requests/s); \
          jpg/png/bmp; each width ≤ 960 px, height ≤ 1280 px (about 200×150 recommended).",
}];

// The manual's example lacks the comma after `"statusCode": 0`; added here.
const FAS_RESPONSE: &str = r#"{
  "statusCode": 0,
  "message": "success",
  "returnObj": {"action_detected": true}
}"#;

const FAS_ERRORS: &[ServiceError] = with_eop_gateway_errors![
    e!(
        "AI_OP_4201",
        InvalidInput,
        "请求内容错误 (content empty or wrong parameter name)"
    ),
    e!(
        "AI_OP_4202",
        Service,
        "请求参数格式错误 (parameter format invalid, e.g. body not JSON)"
    ),
    e!(
        "AI_OP_4203",
        InvalidInput,
        "图片解码失败 (image processing failed)"
    ),
    e!(
        "AI_OP_4204",
        Service,
        "人脸探测异常, 请确保为真实人脸! (non-live face or poor lighting)"
    ),
    e!(
        "AI_OP_4205",
        InvalidInput,
        "所上传图片尺寸过大 (original image wider/higher than allowed)"
    ),
    e!(
        "AI_OP_4207",
        InvalidInput,
        "请上传至少3张图片 (fewer than 3 frames)"
    ),
    e!(
        "AI_OP_4208",
        InvalidInput,
        "上传图片多于35张 (more than 35 frames)"
    ),
    e!(
        "AI_OP_4209",
        InvalidInput,
        "请传输第 i 张图片 (frame i missing from the numbering)"
    ),
    e!(
        "AI_OP_4210",
        InvalidInput,
        "有图片解码失败 (image empty, bad base64 or unsupported format)"
    ),
    e!(
        "AI_OP_4212",
        Service,
        "请正对摄像头, 请避免逆光环境! (a frame has no face, or backlit)"
    ),
    e!(
        "AI_OP_4213",
        Service,
        "有图片包含多张人脸 (more than one face)"
    ),
    e!(
        "AI_OP_5000",
        Service,
        "服务内部错误, 请联系管理员 (internal error)"
    ),
];

/// One of the seven action-liveness checks; they differ only in id, path and wording.
const fn fas(id: &'static str, summary: &'static str, path: &'static str) -> Operation {
    Operation {
        id,
        summary,
        gateway: Gateway::CtyunEop,
        auth: AuthScheme::Eop,
        method: Method::Post,
        path,
        headers: &[],
        fields: FAS_FIELDS,
        one_of: &[],
        envelope: true,
        qps: QpsGroup::Safety,
        errors: FAS_ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "000 §4.3.2.2",
        response_example: FAS_RESPONSE,
    }
}

// ------------------------------------------------ 4.3.3 / 4.3.4 fall and fight

const FRAMES_FIELDS: &[Field] = &[Field {
    name: "images",
    kind: FieldKind::ImageList,
    required: true,
    default: None,
    location: Location::Body,
    limits: Limits {
        formats: &[MediaFormat::Png, MediaFormat::Jpeg, MediaFormat::Bmp],
        min_count: Some(1),
        max_count: Some(64),
        // Unsettled: the requirements say "请求数据总大小不超过 250M", the field table
        // "500M". The larger is encoded (request data = base64 text); see notes.
        max_total_encoded_bytes: Some(500 * MB),
        ..Limits::NONE
    },
    doc: "Consecutive video frames as a JSON list of plain base64 images. 1–64 items \
          (error 4013: > 0 and ≤ 64; 16+ recommended, a single frame scores poorly); \
          png/jpg/jpeg/bmp; total request data ≤ 500 MB of base64 (the requirements \
          section says 250 MB, the field table 500 MB).",
}];

const FRAMES_ERRORS: &[ServiceError] = with_eop_gateway_errors![
    e!(
        "4003",
        Service,
        "请求体 json 解析错误，请求必须为 json 字典 (body must be a JSON object)"
    ),
    e!("4010", InvalidInput, "请求参数缺少 images (images missing)"),
    e!(
        "4012",
        Service,
        "请求类型错误，仅支持 list (images must be a list)"
    ),
    e!(
        "4013",
        InvalidInput,
        "图片数量不合法，应大于 0 且小于等于 64 (1–64 images)"
    ),
    e!(
        "4015",
        InvalidInput,
        "图像解析失败 (an image could not be decoded)"
    ),
    e!("5000", Service, "请求异常，请联系管理员 (request failed)"),
    e!(
        "5001",
        Service,
        "推理接口异常，请联系管理员 (inference failed)"
    ),
];

// The field table says `returnObj` for fight, `result` for fall; both examples use `result`.
const FRAMES_RESPONSE: &str = r#"{
  "code": 0,
  "message": "success",
  "result": {"score": 0.001}
}"#;

/// This manual's operations, in manual order.
pub(super) const OPERATIONS: &[Operation] = &[
    Operation {
        id: "ctyun.safety.hat_detect",
        summary: "Safety-helmet detection: colour and box of each helmet in one image",
        gateway: Gateway::CtyunEop,
        auth: AuthScheme::Eop,
        method: Method::Post,
        path: "/v1/aiop/api/2f3uquanbrpc/SafeHat/base/hat_detect",
        headers: &[],
        fields: HAT_FIELDS,
        one_of: &[],
        envelope: true,
        qps: QpsGroup::Safety,
        errors: HAT_ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "000 §4.3.1",
        response_example: HAT_RESPONSE,
    },
    Operation {
        id: "ctyun.safety.quality_detect",
        summary: "Face quality check: frontal, sharp, complete (good/medium/bad)",
        gateway: Gateway::CtyunEop,
        auth: AuthScheme::Eop,
        method: Method::Post,
        path: "/v1/aiop/api/2gkds6yod62o/face-fas-action/person/quality_detect_from_base64",
        headers: &[],
        fields: QUALITY_FIELDS,
        one_of: &[],
        envelope: true,
        qps: QpsGroup::Safety,
        errors: QUALITY_ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "000 §4.3.2.1",
        response_example: QUALITY_RESPONSE,
    },
    fas(
        "ctyun.safety.fas_shake",
        "Action liveness: does the frame sequence contain a head shake",
        "/v1/aiop/api/2glatwsypczk/face-fas-action/person/fas_shake_from_base64",
    ),
    fas(
        "ctyun.safety.fas_up",
        "Action liveness: does the frame sequence contain a head raise",
        "/v1/aiop/api/2glajezvpdc/face-fas-action/person/fas_up_from_base64",
    ),
    fas(
        "ctyun.safety.fas_down",
        "Action liveness: does the frame sequence contain a head lowering",
        "/v1/aiop/api/2ghyetqcv20w/face-fas-action/person/fas_down_from_base64",
    ),
    fas(
        "ctyun.safety.fas_left",
        "Action liveness: does the frame sequence contain a left head turn",
        "/v1/aiop/api/2glbm7cv6br4/face-fas-action/person/fas_left_from_base64",
    ),
    // The wire path really says `fas_mouse` (sic); the id uses `mouth`.
    fas(
        "ctyun.safety.fas_mouth",
        "Action liveness: does the frame sequence contain a mouth opening",
        "/v1/aiop/api/2glbjq9sjhmo/face-fas-action/person/fas_mouse_from_base64",
    ),
    fas(
        "ctyun.safety.fas_eye",
        "Action liveness: does the frame sequence contain a blink",
        "/v1/aiop/api/2glbhkc1yuiu/face-fas-action/person/fas_eye_from_base64",
    ),
    fas(
        "ctyun.safety.fas_right",
        "Action liveness: does the frame sequence contain a right head turn",
        "/v1/aiop/api/2glbdqm0vtog/face-fas-action/person/fas_right_from_base64",
    ),
    Operation {
        id: "ctyun.safety.fall_detect",
        summary: "Fall detection: probability that consecutive frames show a fall",
        gateway: Gateway::CtyunEop,
        auth: AuthScheme::Eop,
        method: Method::Post,
        path: "/v1/aiop/api/2gm0y369n30g/action/falldown/images",
        headers: &[],
        fields: FRAMES_FIELDS,
        one_of: &[],
        envelope: true,
        qps: QpsGroup::Safety,
        errors: FRAMES_ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "000 §4.3.3",
        response_example: FRAMES_RESPONSE,
    },
    Operation {
        id: "ctyun.safety.fight_detect",
        summary: "Fight detection: probability that consecutive frames show a fight",
        gateway: Gateway::CtyunEop,
        auth: AuthScheme::Eop,
        method: Method::Post,
        // The URI line says `2gm1xzigc2kg`, the curl example `2gmlxzigc2kg` (1 vs l); the URI line is followed.
        path: "/v1/aiop/api/2gm1xzigc2kg/action/fight/images",
        headers: &[],
        fields: FRAMES_FIELDS,
        one_of: &[],
        envelope: true,
        qps: QpsGroup::Safety,
        errors: FRAMES_ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "000 §4.3.4",
        response_example: FRAMES_RESPONSE,
    },
];

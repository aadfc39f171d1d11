//! CTyun safety production on the older `/v1/aiop/api` gateway with `Sign` MD5 (manual 001).
//!
//! Every operation: `POST https://ai.ctyun.cn/v1/aiop/api/{service_code}/...` where the
//! service code is generated per application by the console ("系统生成的服务码"), headers
//! `Sign` = lower-hex MD5(AppKey + AppSecret + Timestamp + Path + Body), `Timestamp`
//! (13-digit Unix millis), `AppKey`. The manual documents no QPS; the product's default
//! (manual 000 §5.3, same product) of 5 QPS is used. No gateway-wide error codes and no
//! envelope are documented. Sizes: 1 MB = 1024 × 1024 bytes.

use super::model::*;

const MB: u64 = 1024 * 1024;

/// The `{service_code}` path hole every operation of this gateway has.
const SERVICE_CODE: Field = Field {
    name: "service_code",
    kind: FieldKind::Text,
    required: true,
    default: None,
    location: Location::Path,
    limits: Limits {
        min_len: Some(1),
        ..Limits::NONE
    },
    doc: "The per-application service code the console generates (系统生成的服务码); \
          fills `{service_code}` in the path and is part of the signed Path.",
};

// ------------------------------------------------------ 4.1 / 4.2 hat and workwear

const SINGLE_IMAGE_FIELDS: &[Field] = &[
    SERVICE_CODE,
    Field {
        name: "image",
        kind: FieldKind::Image,
        required: true,
        default: None,
        location: Location::Body,
        limits: Limits {
            formats: &[MediaFormat::Png, MediaFormat::Jpeg, MediaFormat::Bmp],
            max_bytes: Some(5 * MB),
            ..Limits::NONE
        },
        doc: "One image as plain base64 (no `data:` prefix). png/jpg/jpeg/bmp; the image \
              itself ≤ 5 MB (manual: \"图片单张大小不超过 5MB\", i.e. raw size; error 4002 \
              \"静态图片要求小于 5M\").",
    },
];

const SINGLE_IMAGE_ERRORS: &[ServiceError] = &[
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
        "4004",
        Service,
        "请求方法错误，请使用 POST 请求 (POST required)"
    ),
    e!("4005", Service, "body 内容为空 (no body)"),
    e!(
        "4006",
        Service,
        "请求数据格式错误 (body is not a JSON object)"
    ),
    e!(
        "5000",
        Service,
        "服务接口异常，请联系管理员 (service error)"
    ),
];

// The field tables name the payload `data`, the examples `result`; the examples are kept.
const HAT_RESPONSE: &str = r#"{
  "code": 0,
  "message": "success",
  "result": [
    {"box": [15, 72, 84, 129], "classname": "blue_hat", "score": 0.9998},
    {"box": [44, 147, 104, 200], "classname": "blue_hat", "score": 0.9984}
  ]
}"#;

// Printed as in the manual, including the trailing space in the second "blue ".
const CLOTHES_RESPONSE: &str = r#"{
  "code": 0,
  "message": "success",
  "result": [
    {"box": [15, 72, 84, 129], "classname": "blue", "score": 0.9998},
    {"box": [44, 147, 104, 200], "classname": "blue ", "score": 0.9984}
  ]
}"#;

// ------------------------------------------------------------ 4.3 electronic fence

const FENCE_FIELDS: &[Field] = &[
    SERVICE_CODE,
    Field {
        name: "area",
        kind: FieldKind::PolygonText,
        required: true,
        default: None,
        location: Location::Body,
        limits: Limits {
            min_count: Some(4),
            max_count: Some(9),
            ..Limits::NONE
        },
        doc: "Fence polygon as ONE string \"x1,y1,x2,y2,x3,y3,x4,y4\" of pixel coordinates, \
              4–9 points (\"大于 3 小于 10\"), clockwise or counter-clockwise, inside every \
              image (error 4013 \"area 超出图像范围\").",
    },
    Field {
        name: "image",
        kind: FieldKind::ImageList,
        required: true,
        default: None,
        location: Location::Body,
        limits: Limits {
            formats: &[MediaFormat::Png, MediaFormat::Jpeg],
            min_count: Some(1),
            max_count: Some(32),
            max_total_encoded_bytes: Some(50 * MB),
            ..Limits::NONE
        },
        doc: "JSON list of plain base64 images, 1–32 items (error 4007); png/jpg/jpeg \
              (\"等\": others not named); the base64 batch (request body) ≤ 50 MB \
              (\"通过 base64 的形式上传图片，不大于 50M\", error 4002 \"请求体数据量超限\").",
    },
];

// The manual's example lacks the comma after the `message` object; added here.
const FENCE_RESPONSE: &str = r#"{
  "code": 0,
  "message": {"success": 1, "fail": 0},
  "result": [{
    "target_num": 2,
    "location": [
      {"left": 209, "top": 229, "width": 341, "height": 1202},
      {"left": 971, "top": 409, "width": 387, "height": 1149}
    ]
  }]
}"#;

const FENCE_ERRORS: &[ServiceError] = &[
    e!("4000", Service, "请求路径错误 (wrong request path)"),
    e!("4001", Service, "请求方法错误，仅支持 POST (POST required)"),
    e!(
        "4002",
        InvalidInput,
        "请求体数据量超限，最大支持 50M (body larger than 50 MB)"
    ),
    e!(
        "4003",
        Service,
        "请求体解析错误，仅支持 json (body is not JSON)"
    ),
    e!(
        "4004",
        Service,
        "请求体格式错误，json 内容不能为空 (body is not a JSON object)"
    ),
    e!(
        "4005",
        InvalidInput,
        "请求参数中缺少关键字，仅支持 image 和 area (image/area missing)"
    ),
    e!(
        "4006",
        Service,
        "请求参数类型错误，image 仅支持 list (image must be a list)"
    ),
    e!(
        "4007",
        InvalidInput,
        "请求参数内容错误，list 不能为空或大于 32 (1–32 images)"
    ),
    e!(
        "4008",
        InvalidInput,
        "请求参数内容错误，list 中图像信息不能为空 (empty image item)"
    ),
    e!(
        "4009",
        InvalidInput,
        "请求参数内容错误，图像解析失败 (an image could not be decoded)"
    ),
    e!(
        "4011",
        Service,
        "请求参数类型错误，area 仅支持 string (area must be a string)"
    ),
    e!(
        "4012",
        InvalidInput,
        "请求参数内容错误，area 字符串不符合要求 (area needs 4–9 points)"
    ),
    e!(
        "4013",
        InvalidInput,
        "请求参数错误，area 超出图像范围 (area outside the image)"
    ),
    e!("5000", Service, "服务错误 (unrecognised service error)"),
    e!(
        "5001",
        Service,
        "推理服务异常，请联系管理员 (inference failed)"
    ),
    e!(
        "5002",
        Service,
        "数据库服务异常，请联系管理员 (database error)"
    ),
];

/// This manual's operations, in manual order.
pub(super) const OPERATIONS: &[Operation] = &[
    Operation {
        id: "ctyun.safety_aiop.hat_detect",
        summary: "Safety-helmet detection: colour and box of each helmet in one image",
        gateway: Gateway::CtyunAiop,
        auth: AuthScheme::CtyunMd5,
        method: Method::Post,
        path: "/v1/aiop/api/{service_code}/SafeHat/base/hat_detect",
        headers: &[],
        fields: SINGLE_IMAGE_FIELDS,
        one_of: &[],
        envelope: false,
        qps: QpsGroup::Safety,
        errors: SINGLE_IMAGE_ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "001 §4.1",
        response_example: HAT_RESPONSE,
    },
    Operation {
        id: "ctyun.safety_aiop.clothes_detect",
        summary: "Workwear detection: colour and box of each work uniform in one image",
        gateway: Gateway::CtyunAiop,
        auth: AuthScheme::CtyunMd5,
        method: Method::Post,
        path: "/v1/aiop/api/{service_code}/UniformIdentity/base/clothes_detect",
        headers: &[],
        fields: SINGLE_IMAGE_FIELDS,
        one_of: &[],
        envelope: false,
        qps: QpsGroup::Safety,
        errors: SINGLE_IMAGE_ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "001 §4.2",
        response_example: CLOTHES_RESPONSE,
    },
    Operation {
        id: "ctyun.safety_aiop.electronic_fence",
        summary: "Electronic fence: people inside a polygon, per image of a batch",
        gateway: Gateway::CtyunAiop,
        auth: AuthScheme::CtyunMd5,
        method: Method::Post,
        // The request URL has `/ef-http/electron/fence`; the manual's Python signs
        // `/v1/aiop/api/[服务码]/electron/fence` (no `ef-http`). The URL is followed and the
        // signed Path must be the path actually sent.
        path: "/v1/aiop/api/{service_code}/ef-http/electron/fence",
        headers: &[],
        fields: FENCE_FIELDS,
        one_of: &[],
        envelope: false,
        qps: QpsGroup::Safety,
        errors: FENCE_ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "001 §4.3",
        response_example: FENCE_RESPONSE,
    },
];

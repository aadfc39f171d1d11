//! CTyun 2019 face API with `Authorization: CTYUN` (manual 003).
//!
//! Every operation: `POST https://ai.ctyun.cn{path}`, headers `X-CTYUN-DT` (Unix millis)
//! and `Authorization: CTYUN <AppKey>:<hex HMAC-SHA256(AppSecret, RequestStr)>`, JSON body
//! `{"data": [...]}` of URLs or `data:application/octet-stream;base64,<URL-safe base64>`
//! URIs. No QPS limit is documented (§4.1.1 "请求频率暂时没有具体限制"), no envelope.
//! Sizes: 1 MB = 1024 × 1024 bytes.
//!
//! Paths are unsettled in the manual: face_detect's "请求路径" says
//! `/face/api/v1/face_detect.json` while its example posts `/api/v1/face_detect.json`;
//! face_analyse's example posts `/v1/face_analyse.json` while its "请求路径" says
//! `/api/v1/face_analyse.json`. `/api/v1/…` (the form all three share somewhere) is used.

use super::model::*;

const MB: u64 = 1024 * 1024;

/// Per-image limits of §4.2.2 (and §5 Q2), applied to every `data:` URI item; URL items
/// are fetched by the provider and can only be checked there.
const IMAGE_LIMITS: Limits = Limits {
    formats: &[MediaFormat::Png, MediaFormat::Jpeg],
    max_bytes: Some(10 * MB),
    min_width: Some(32),
    min_height: Some(32),
    max_width: Some(5000),
    max_height: Some(5000),
    ..Limits::NONE
};

/// `data` of face_detect.json and face_analyse.json.
const BATCH_FIELDS: &[Field] = &[Field {
    name: "data",
    kind: FieldKind::UrlOrDataUriList,
    required: true,
    default: None,
    location: Location::Body,
    limits: Limits {
        min_count: Some(1),
        max_count: Some(100),
        ..IMAGE_LIMITS
    },
    doc: "1–100 images, each an image URL or `data:application/octet-stream;base64,` + URL-safe \
          base64. png/jpg/jpeg; each image ≤ 10 MB raw; 32×32 to 5000×5000 px (the manual \
          says \"大于 32x32, 小于 5000x5000\" and, in error 4008, \"32*32 到 5000*5000 之间\"; \
          bounds treated as inclusive); RGB with ≤ 3 channels, no alpha channel.",
}];

/// `data` of face_compare.json: a two-dimensional list of pairs.
const PAIR_FIELDS: &[Field] = &[Field {
    name: "data",
    kind: FieldKind::UrlOrDataUriPairs,
    required: true,
    default: None,
    location: Location::Body,
    limits: Limits {
        min_count: Some(1),
        max_count: Some(50),
        ..IMAGE_LIMITS
    },
    doc: "List of pairs `[[pic1, pic2], [pic3, pic4], …]`: every inner list holds exactly 2 \
          images (URL or `data:application/octet-stream;base64,` URI), at least one pair \
          (§5 Q4: \"至少上传 2 张\"). The batch limit is 100 images (\"批量请求单次不超过 100 张\"), \
          so at most 50 pairs. Per image: png/jpg/jpeg, ≤ 10 MB raw, 32×32 to 5000×5000 px, \
          no alpha channel.",
}];

// §4.1.2, shared by all three operations. The table is garbled around 4010/4011: the row
// "1011 下载文件异常" belongs to 4011 (url 错误或过期的 url). 4013/4014 concern video jobs.
const ERRORS: &[ServiceError] = &[
    e!(
        "4001",
        InvalidInput,
        "请求未包含图片 (no image / wrong key)"
    ),
    e!(
        "4002",
        InvalidInput,
        "请求文件格式不支持 (file format not supported)"
    ),
    e!(
        "4003",
        Service,
        "文件处理错误,请联系管理员 (file processing failed; data damaged?)"
    ),
    e!(
        "4004",
        Service,
        "无法读取该网络图片 (URL image could not be downloaded)"
    ),
    e!(
        "4005",
        Service,
        "该文件请求超时 (URL image download timed out)"
    ),
    e!(
        "4006",
        Service,
        "base64 数据处理异常 (base64 could not be processed)"
    ),
    e!(
        "4007",
        Service,
        "请求 JSON 处理异常 (request JSON could not be processed)"
    ),
    e!(
        "4008",
        InvalidInput,
        "图片分辨率不符合要求 (must be 32*32 to 5000*5000)"
    ),
    e!(
        "4009",
        InvalidInput,
        "图片文件大小不符合要求 (still image < 10M, animated < 50M)"
    ),
    e!(
        "4010",
        InvalidInput,
        "文件大小不符合要求 (file size out of range)"
    ),
    e!("4011", InvalidInput, "下载文件异常 (URL wrong or expired)"),
    e!(
        "4012",
        InvalidInput,
        "不支持的文件类型 (unsupported file type)"
    ),
    e!(
        "4013",
        Service,
        "视频结果请求中不包含合法 job_id (no valid job_id)"
    ),
    e!(
        "4014",
        Service,
        "视频结果无法正常获取 (video result unavailable)"
    ),
    e!("5001", Service, "服务接口异常,请联系管理员 (service error)"),
    e!(
        "5002",
        Service,
        "接口返回不包括所需信息 (response lacks required information)"
    ),
];

// The manual's example uses single quotes and a `# 未检测出人脸` comment; quotes made
// JSON and the comment dropped. Values unchanged.
const DETECT_RESPONSE: &str = r#"{
  "code": 0,
  "message": "成功",
  "result": [
    {"face_list": [{
        "location": {"left": 142, "top": 73, "width": 239, "height": 304},
        "face_probability": 0.971
      }],
     "pic_quality": 0},
    {"face_list": [
        {"location": {"left": 170, "top": 747, "width": 778, "height": 972},
         "face_probability": 1.0},
        {"location": {"left": 790, "top": 933, "width": 983, "height": 1517},
         "face_probability": 1.0}
      ],
     "pic_quality": 0},
    {"face_list": [], "pic_quality": 1}
  ]
}"#;

// Same fixes as DETECT_RESPONSE.
const ANALYSE_RESPONSE: &str = r#"{
  "code": 0,
  "message": "成功",
  "result": [
    {"face_list": [
        {"age": 35, "gender": "M",
         "location": {"left": 142, "top": 73, "width": 239, "height": 304}}
      ],
     "pic_quality": 0},
    {"face_list": [
        {"age": 38, "gender": "F",
         "location": {"left": 170, "top": 747, "width": 778, "height": 972}},
        {"age": 34, "gender": "M",
         "location": {"left": 790, "top": 933, "width": 983, "height": 1517}}
      ],
     "pic_quality": 0},
    {"face_list": [], "pic_quality": 1}
  ]
}"#;

// The manual's example is malformed: single quotes, comments, the first item's `{` and the
// final `}` missing, and `'confidence': 待定` (to be determined) for a pair without a face.
// Fixed minimally: JSON quotes, braces restored, comments dropped, 待定 → null. The string
// forms 'False' and '0' are kept as printed (the field table says "true"/"false" and int).
const COMPARE_RESPONSE: &str = r#"{
  "code": 0,
  "message": "成功",
  "result": [
    {"face_compare": "False", "confidence": 51.397, "pic_quality": "0"},
    {"face_compare": "False", "confidence": null, "pic_quality": "1"},
    {"face_compare": "False", "confidence": 51.397, "pic_quality": "0"}
  ]
}"#;

/// This manual's operations, in manual order.
pub(super) const OPERATIONS: &[Operation] = &[
    Operation {
        id: "ctyun.face2019.detect",
        summary: "Batch face detection: face boxes, probabilities and quality per image",
        gateway: Gateway::Ctyun2019,
        auth: AuthScheme::CtyunHmac,
        method: Method::Post,
        path: "/api/v1/face_detect.json",
        headers: &[],
        fields: BATCH_FIELDS,
        one_of: &[],
        envelope: false,
        qps: QpsGroup::Ctyun2019,
        errors: ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "003 §4.2 (1)",
        response_example: DETECT_RESPONSE,
    },
    Operation {
        id: "ctyun.face2019.analyse",
        summary: "Batch face attributes: age and gender of each face per image",
        gateway: Gateway::Ctyun2019,
        auth: AuthScheme::CtyunHmac,
        method: Method::Post,
        path: "/api/v1/face_analyse.json",
        headers: &[],
        fields: BATCH_FIELDS,
        one_of: &[],
        envelope: false,
        qps: QpsGroup::Ctyun2019,
        errors: ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "003 §4.2 (2)",
        response_example: ANALYSE_RESPONSE,
    },
    Operation {
        id: "ctyun.face2019.compare",
        summary: "Batch face compare: same person or not, per pair of images",
        gateway: Gateway::Ctyun2019,
        auth: AuthScheme::CtyunHmac,
        method: Method::Post,
        path: "/api/v1/face_compare.json",
        headers: &[],
        fields: PAIR_FIELDS,
        one_of: &[],
        envelope: false,
        qps: QpsGroup::Ctyun2019,
        errors: ERRORS,
        binary_results: &[],
        deprecated: false,
        manual: "003 §4.2 (3)",
        response_example: COMPARE_RESPONSE,
    },
];

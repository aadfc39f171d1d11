//! Normalization of every response shape the manuals show (bodies taken from the
//! manuals' examples, cited by file and line), and error classification.

use cnvision::catalog::ServiceError;
use cnvision::response::{normalize, parse};
use cnvision::transport::HttpResponse;
use cnvision::ErrorKind;
use serde_json::json;

fn resp(status: u16, headers: &[(&str, &str)], body: &str) -> HttpResponse {
    HttpResponse {
        status,
        headers: headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        body: body.as_bytes().to_vec(),
    }
}

const DOCUMENTED: &[ServiceError] = &[
    ServiceError {
        code: "4003",
        meaning: "base64 数据处理异常",
        kind: ErrorKind::InvalidInput,
    },
    ServiceError {
        code: "AI_OP_4101",
        meaning: "documented: contact the administrator",
        kind: ErrorKind::Service,
    },
    ServiceError {
        code: "AIS.0014",
        meaning: "The JSON format of the input is incorrect",
        kind: ErrorKind::InvalidInput,
    },
    ServiceError {
        code: "AI_OP_40018",
        meaning: "哈希值不匹配",
        kind: ErrorKind::Crypto,
    },
];

#[test]
fn ctyun_status_code_number_with_return_obj() {
    // 000 line ~726: {"statusCode": 0, "message": "success", "returnObj": [...]}
    let r = resp(
        200,
        &[("Ctyun-Eop-Request-Id", "eop-123")],
        r#"{"statusCode": 0, "message": "success", "returnObj": [{"hat": 1}]}"#,
    );
    let n = normalize(&r, DOCUMENTED, None).unwrap();
    assert!(n.success);
    assert_eq!(n.code.as_deref(), Some("0"));
    assert_eq!(n.message(), Some("success"));
    assert_eq!(n.payload, json!([{"hat": 1}]));
    assert_eq!(n.request_id.as_deref(), Some("eop-123"));
}

#[test]
fn ctyun_status_code_string_zero() {
    // 002 line ~1912: "statusCode": "0", "message": "success "
    let r = resp(
        200,
        &[],
        r#"{"statusCode": "0", "message": "success ", "returnObj": {"score": 0.9}}"#,
    );
    let n = normalize(&r, &[], None).unwrap();
    assert_eq!(n.code.as_deref(), Some("0"));
    assert_eq!(n.message(), Some("success"));
    assert_eq!(n.payload, json!({"score": 0.9}));
}

#[test]
fn code_with_result_and_code_200() {
    // 000 line ~858 and 001 / 003: {"code": 0, "message": "success", "result": ...}
    let n = normalize(
        &resp(
            200,
            &[],
            r#"{"code":0,"message":"成功","result":[{"a":1}]}"#,
        ),
        &[],
        None,
    )
    .unwrap();
    assert_eq!(n.payload, json!([{"a": 1}]));
    let n = normalize(
        &resp(200, &[], r#"{"code":"200","msg":"ok","data":{"b":2}}"#),
        &[],
        None,
    )
    .unwrap();
    assert_eq!((n.code.as_deref(), n.message()), (Some("200"), Some("ok")));
    assert_eq!(n.payload, json!({"b": 2}));
    let n = normalize(&resp(200, &[], r#"{"code":200.0,"data":[]}"#), &[], None).unwrap();
    assert_eq!(n.code.as_deref(), Some("200"));
}

#[test]
fn payload_preference_and_top_level_fields() {
    let n = normalize(
        &resp(200, &[], r#"{"code":0,"data":1,"result":2,"returnObj":3}"#),
        &[],
        None,
    )
    .unwrap();
    assert_eq!(n.payload, json!(3));
    // 002 line ~2088 real-name verification: fields at the top level, `retMessage`.
    let body = r#"{"certToken":"d182","resStr":"00XX","statusCode":0,"retMessage":"成功"}"#;
    let n = normalize(&resp(200, &[], body), &[], None).unwrap();
    assert_eq!(n.message(), Some("成功"));
    assert_eq!(n.payload["resStr"], json!("00XX"));
    // Encrypted envelope answers carry the ciphertext at the top level.
    let body = r#"{"statusCode":0,"encryptedResult":"QUJD","encryptedResultHash":"SA=="}"#;
    let n = normalize(&resp(200, &[], body), &[], None).unwrap();
    assert_eq!(n.payload["encryptedResult"], json!("QUJD"));
    // Huawei success: only `result`.
    let n = normalize(
        &resp(
            200,
            &[("X-Request-Id", "hw-1")],
            r#"{"result":{"tags":[]}}"#,
        ),
        &[],
        None,
    )
    .unwrap();
    assert_eq!(
        (n.payload.clone(), n.request_id.as_deref()),
        (json!({"tags": []}), Some("hw-1"))
    );
}

#[test]
fn ctyun_error_status_code_with_details_and_error_name() {
    // 000 line ~748: {"statusCode": 4003, "message": "error", "details": "...", "error": "AI_OP_4003"}
    let body = r#"{"statusCode": 4003, "message": "error", "details": "base64数据处理异常", "error": "AI_OP_4003"}"#;
    let e = normalize(
        &resp(200, &[("x-request-id", "r-9")], body),
        DOCUMENTED,
        None,
    )
    .unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::InvalidInput,
        "documented code classifies"
    );
    assert_eq!(e.provider_code(), Some("4003"));
    assert_eq!(e.http_status(), Some(200));
    assert_eq!(e.request_id(), Some("r-9"));
    for part in [
        "base64 数据处理异常",
        "error",
        "base64数据处理异常",
        "AI_OP_4003",
    ] {
        assert!(e.message().contains(part), "{e}");
    }
}

#[test]
fn ctyun_error_code_as_string_and_undocumented_defaults_to_service() {
    // 000 line ~870: {"code": "4204", "message": "error", "details": "人脸探测异常", "error": "AI_OP4204"}
    let body =
        r#"{"code": "4204", "message": "error", "details": "人脸探测异常", "error": "AI_OP4204"}"#;
    let e = normalize(&resp(200, &[], body), DOCUMENTED, Some("sent-id")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Service);
    assert_eq!(e.provider_code(), Some("4204"));
    assert_eq!(
        e.request_id(),
        Some("sent-id"),
        "falls back to the id the client sent"
    );
}

#[test]
fn ctyun_error_name_looked_up_when_status_not_documented() {
    // 002 line ~2245: {"statusCode": 500001, "message": "服务接口异常", "details": ..., "error": "AI_OP_4101"}
    let body = r#"{"statusCode": 500001, "message": "服务接口异常", "details": "需要联系管理员处理", "error": "AI_OP_4101"}"#;
    let e = normalize(&resp(200, &[], body), DOCUMENTED, None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Service);
    assert_eq!(e.provider_code(), Some("500001"));
    assert!(
        e.message()
            .starts_with("documented: contact the administrator; 服务接口异常"),
        "{e}"
    );
    // Error name with trailing space (002 line ~1491: 'AI_OP_400006 ') and no status code.
    let e = normalize(
        &resp(
            200,
            &[],
            r#"{"error": "AI_OP_40018 ", "message": "哈希值不匹配"}"#,
        ),
        DOCUMENTED,
        None,
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Crypto);
    assert_eq!(e.provider_code(), Some("AI_OP_40018"));
    // 002 line ~2100: statusCode 1 with retMessage and error.
    let e = normalize(
        &resp(
            200,
            &[],
            r#"{"statusCode":1,"retMessage":"接口调用失败","error":"AI_OP_4101"}"#,
        ),
        &[],
        None,
    )
    .unwrap_err();
    assert_eq!(
        (e.kind(), e.provider_code()),
        (ErrorKind::Service, Some("1"))
    );
    assert!(e.message().contains("接口调用失败") && e.message().contains("AI_OP_4101"));
}

#[test]
fn huawei_error_shape() {
    // 004 line ~2662: {"error_code": "AIS.0014", "error_msg": "The JSON format of the input is incorrect"}
    let body =
        r#"{"error_code": "AIS.0014", "error_msg": "The JSON format of the input is incorrect."}"#;
    let e = normalize(
        &resp(400, &[("X-Request-Id", "hw-req")], body),
        DOCUMENTED,
        None,
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(e.provider_code(), Some("AIS.0014"));
    assert_eq!(
        (e.http_status(), e.request_id()),
        (Some(400), Some("hw-req"))
    );
    assert!(e
        .message()
        .contains("The JSON format of the input is incorrect."));
    // Undocumented Huawei codes follow the HTTP status.
    let e = normalize(
        &resp(
            403,
            &[],
            r#"{"error_code":"AIP.0001","error_msg":"token abnormal"}"#,
        ),
        &[],
        None,
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    let e = normalize(
        &resp(
            500,
            &[],
            r#"{"error_code":"AIS.0105","error_msg":"Recognize Failed"}"#,
        ),
        &[],
        None,
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Service);
    // error_code with HTTP 200 is still a failure.
    assert!(normalize(
        &resp(200, &[], r#"{"error_code":"AIS.0105","error_msg":"x"}"#),
        &[],
        None
    )
    .is_err());
}

#[test]
fn huawei_iam_nested_error() {
    let body = r#"{"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}}"#;
    let e = normalize(&resp(401, &[], body), &[], None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert_eq!(e.provider_code(), Some("401"));
    assert!(
        e.message().contains("The username or password is wrong."),
        "{e}"
    );
}

#[test]
fn throttling_is_rate_limited() {
    for (status, body) in [
        (
            400,
            r#"{"error_code":"APIG.0308","error_msg":"The request is sent too fast"}"#,
        ),
        (429, r#"{"error_code":"APIGW.0308","error_msg":"too fast"}"#),
        (
            200,
            r#"{"statusCode":4010,"message":"认证接口并发已到上限","error":"AI_OP_4010"}"#,
        ),
        (429, r#"{"message":"Too Many Requests"}"#),
        (429, "Too Many Requests"),
    ] {
        let e = normalize(&resp(status, &[], body), &[], None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::RateLimited, "{status} {body}");
        assert_eq!(e.http_status(), Some(status));
    }
}

#[test]
fn documented_classification_wins_over_http_status() {
    let docs = [ServiceError {
        code: "APIG.0308",
        meaning: "custom",
        kind: ErrorKind::Service,
    }];
    let e = normalize(
        &resp(429, &[], r#"{"error_code":"APIG.0308"}"#),
        &docs,
        None,
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Service);
}

#[test]
fn http_status_rules_without_codes() {
    let e = normalize(&resp(401, &[], "{}"), &[], None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    let e = normalize(&resp(502, &[], "<html>Bad Gateway</html>"), &[], None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Service);
    assert!(e.message().contains("Bad Gateway"));
    // code 0 but a non-2xx status is still a failure.
    let e = normalize(&resp(500, &[], r#"{"code":0}"#), &[], None).unwrap_err();
    assert_eq!(
        (e.kind(), e.provider_code()),
        (ErrorKind::Service, Some("0"))
    );
    // 2xx without any code: success, payload is the body.
    let n = normalize(
        &resp(200, &[], r#"{"token":{"expires_at":"x"}}"#),
        &[],
        None,
    )
    .unwrap();
    assert_eq!(n.payload, json!({"token": {"expires_at": "x"}}));
    // Empty 2xx body: success with null payload.
    assert_eq!(
        normalize(&resp(204, &[], ""), &[], None).unwrap().payload,
        json!(null)
    );
}

#[test]
fn unparseable_2xx_is_protocol() {
    let e = normalize(
        &resp(200, &[("x-request-id", "p-1")], "{not json"),
        &[],
        None,
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Protocol);
    assert_eq!((e.http_status(), e.request_id()), (Some(200), Some("p-1")));
    let e = parse(&resp(200, &[], "\u{feff}oops"), None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Protocol);
}

#[test]
fn request_id_from_body_when_no_header() {
    let n = parse(
        &resp(400, &[], r#"{"code":7,"requestId":"body-id"}"#),
        Some("fallback"),
    )
    .unwrap();
    assert!(!n.success);
    assert_eq!(n.request_id.as_deref(), Some("body-id"));
    let n = parse(
        &resp(
            200,
            &[("X-REQUEST-ID", " hdr ")],
            r#"{"code":0,"requestId":"body-id"}"#,
        ),
        None,
    )
    .unwrap();
    assert_eq!(n.request_id.as_deref(), Some("hdr"));
}

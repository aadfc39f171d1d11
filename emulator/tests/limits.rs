//! Server-side limit enforcement. Raw requests that a client's local validation would
//! never send — oversize image, wrong format, too few/many or missing frames, a bad ID
//! number, a polygon outside the image, a missing field, a video out of range — are
//! signed with cnvision's own signers (the emulator verifies signatures with its own,
//! independent code) and must be answered with the documented code of the operation's
//! manual table, in the gateway's documented error shape. `ctyun.rs` and `huawei.rs`
//! already cover bad JSON, missing `image`, bad base64 and authentication.

mod common;
use cnvision::auth::{apig, ctyun_hmac, ctyun_md5, eop, SignableBody, SignableRequest};
use common::*;
use serde_json::{json, Value};
use std::time::SystemTime;

/// How a raw request is signed.
#[derive(Clone, Copy)]
enum Auth {
    Eop,
    Md5,
    Hmac,
    Apig,
}

/// Signs and sends `body` to `op_id`'s path (holes filled with test values).
fn call(emu: &Emulator, op_id: &str, body: &Value, request_id: &str) -> Raw {
    let op = cnvision::catalog::find(op_id).expect("catalog operation");
    let path = op
        .path
        .replace("{service_code}", "svc0code1")
        .replace("{project_id}", HUAWEI_PROJECT_ID);
    let body = body.to_string().into_bytes();
    let auth = match op.auth {
        cnvision::catalog::AuthScheme::Eop => Auth::Eop,
        cnvision::catalog::AuthScheme::CtyunMd5 => Auth::Md5,
        cnvision::catalog::AuthScheme::CtyunHmac => Auth::Hmac,
        cnvision::catalog::AuthScheme::Huawei => Auth::Apig,
        other => panic!("{op_id}: no raw signer for {other:?}"),
    };
    let content_type = [("Content-Type", "application/json")];
    let req = SignableRequest {
        method: "POST",
        path: &path,
        query: &[],
        headers: &content_type,
        body: SignableBody::Bytes(&body),
    };
    let now = SystemTime::now();
    let signed = match auth {
        Auth::Eop => eop::sign(
            &req,
            &eop::EopCredentials {
                access_key: EOP_AK.into(),
                secret_key: EOP_SK.into(),
                app_key: Some(EOP_APP_KEY.into()),
            },
            &eop::EopSettings {
                request_id: Some(request_id.into()),
                ..Default::default()
            },
            now,
        ),
        Auth::Md5 => ctyun_md5::sign(
            &req,
            &ctyun_md5::Md5Credentials {
                app_key: LEGACY_APP_KEY.into(),
                app_secret: LEGACY_APP_SECRET.into(),
            },
            now,
        ),
        Auth::Hmac => ctyun_hmac::sign(
            &req,
            &ctyun_hmac::HmacCredentials {
                app_key: LEGACY_APP_KEY.into(),
                app_secret: LEGACY_APP_SECRET.into(),
            },
            now,
        ),
        Auth::Apig => apig::sign(
            &req,
            &apig::ApigCredentials::new(HUAWEI_AK, HUAWEI_SK),
            &apig::ApigSettings::new(
                apig::Algorithm::SdkHmacSha256,
                format!("127.0.0.1:{}", emu.port()),
            ),
            now,
        ),
    }
    .expect("signs");
    let mut headers: Vec<(&str, &str)> = content_type.to_vec();
    headers.extend(signed.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let before = emu.count(op_id);
    let r = send(emu.port(), "POST", &path, &headers, &body).expect("an answer");
    assert_eq!(emu.count(op_id), before + 1, "{op_id}: counted once");
    r
}

/// The numeric part of a CTyun code (`AI_OP_4207` → 4207).
fn number(code: &str) -> i64 {
    code.trim_start_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .unwrap()
}

/// Asserts `r` is `code` in `op_id`'s gateway shape (manuals 000/002 §错误码, 001 §4,
/// 003 §4.1.2, 004 §7.2) and that the operation documents `code` as an input error.
fn expect(op_id: &str, r: &Raw, code: &str, request_id: &str) {
    let op = cnvision::catalog::find(op_id).unwrap();
    let doc = op
        .error(code)
        .unwrap_or_else(|| panic!("{op_id} documents {code}"));
    assert_eq!(
        doc.kind,
        cnvision::ErrorKind::InvalidInput,
        "{op_id} {code}"
    );
    let v = r.json();
    let what = format!("{op_id}: wanted {code}, got HTTP {} {v}", r.status);
    use cnvision::catalog::Gateway;
    match op.gateway {
        // `{"statusCode": n, "message": "error", "details": …, "error": "AI_OP_n"}`, HTTP 200.
        Gateway::CtyunEop => {
            assert_eq!(r.status, 200, "{what}");
            assert_eq!(v["statusCode"], number(code), "{what}");
            assert_eq!(v["message"], "error", "{what}");
            assert_eq!(v["error"], format!("AI_OP_{}", number(code)), "{what}");
            assert!(
                v["details"].as_str().is_some_and(|d| !d.is_empty()),
                "{what}"
            );
            assert_eq!(r.header("ctyun-eop-request-id"), Some(request_id), "{what}");
        }
        // `{"code": n, "message": "error", "details": …}`, HTTP 200.
        Gateway::CtyunAiop => {
            assert_eq!(r.status, 200, "{what}");
            assert_eq!(v["code"], number(code), "{what}");
            assert_eq!(v["message"], "error", "{what}");
            assert!(
                v["details"].as_str().is_some_and(|d| !d.is_empty()),
                "{what}"
            );
        }
        // `{"code": n, "message": …}`, HTTP 200.
        Gateway::Ctyun2019 => {
            assert_eq!(r.status, 200, "{what}");
            assert_eq!(v["code"], number(code), "{what}");
            assert!(
                v["message"].as_str().is_some_and(|m| !m.is_empty()),
                "{what}"
            );
        }
        // `{"error_code": …, "error_msg": …}`, HTTP 400.
        Gateway::HuaweiImage | Gateway::HuaweiIam => {
            assert_eq!(r.status, 400, "{what}");
            assert_eq!(v["error_code"], code, "{what}");
            assert!(
                v["error_msg"].as_str().is_some_and(|m| !m.is_empty()),
                "{what}"
            );
        }
    }
}

/// A request, its documented answer, and which manual row says so.
struct Case {
    op: &'static str,
    body: Value,
    code: &'static str,
}

/// Runs every case and reports every mismatch at once.
fn run(emu: &Emulator, cases: Vec<Case>) -> usize {
    let failures: Vec<String> = cases
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let id = format!("limits-{i}");
            let r = call(emu, c.op, &c.body, &id);
            std::panic::catch_unwind(|| expect(c.op, &r, c.code, &id))
                .err()
                .map(|_| {
                    format!(
                        "case {i}: {} wanted {}: {}",
                        c.op,
                        c.code,
                        String::from_utf8_lossy(&r.body)
                    )
                })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    cases.len()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/media")
            .join(name),
    )
    .unwrap()
}

/// A GIF header for a 64×64 image: a real GIF signature and logical screen, large
/// enough for every minimum size, so only the format rule can fail.
fn gif_64() -> Vec<u8> {
    let mut g = b"GIF89a".to_vec();
    g.extend_from_slice(&64u16.to_le_bytes());
    g.extend_from_slice(&64u16.to_le_bytes());
    g.extend_from_slice(&[0, 0, 0, b';']);
    g
}

/// The fixture JPEG followed by zero padding up to `len` bytes: still a JPEG with the
/// same header dimensions, only larger.
fn jpeg_of_len(len: usize) -> Vec<u8> {
    let mut j = JPEG.to_vec();
    j.resize(len.max(JPEG.len()), 0);
    j
}

fn frames(numbers: impl IntoIterator<Item = u32>) -> Value {
    let img = b64(JPEG);
    Value::Object(
        numbers
            .into_iter()
            .map(|i| (format!("image{i}Content"), json!(img)))
            .collect(),
    )
}

const ID_OK: &str = "11010519491231002X";

#[test]
fn ctyun_eop_limits_are_enforced_with_the_documented_codes() {
    let emu = start();
    let jpeg = b64(JPEG);
    let detect = "ctyun.face.detect";
    let shake = "ctyun.safety.fas_shake";
    let fall = "ctyun.safety.fall_detect";
    let real_name = "ctyun.face.real_name_auth";
    let video = "ctyun.face.action_liveness";
    let liveness = |file: &str| json!({"Action": "ActionFas", "ActionType": "Blink", "VideoBase64": b64(&fixture(file))});
    let cases = vec![
        // 002 DetectFace: 400013 文件大小不符合要求 (ImageData ≤ 2 MB).
        Case {
            op: detect,
            body: json!({"Action": "DetectFace", "ImageData": b64(&jpeg_of_len(2 * 1024 * 1024 + 1))}),
            code: "AI_OP_400013",
        },
        // 400012 文件格式不合法 (jpeg/png/bmp only).
        Case {
            op: detect,
            body: json!({"Action": "DetectFace", "ImageData": b64(&gif_64())}),
            code: "AI_OP_400012",
        },
        // 400006 必传的参数未传 (Action missing).
        Case {
            op: detect,
            body: json!({"ImageData": jpeg}),
            code: "AI_OP_400006",
        },
        // 000 action liveness: 4207 请上传至少3张图片, 4208 上传图片多于35张, 4209 请传输第 i 张图片.
        Case {
            op: shake,
            body: frames(1..=2),
            code: "AI_OP_4207",
        },
        Case {
            op: shake,
            body: frames(1..=36),
            code: "AI_OP_4208",
        },
        Case {
            op: shake,
            body: frames([1, 2, 4]),
            code: "AI_OP_4209",
        },
        // 000 fall detection: 4013 图片数量不合法，应大于 0 且小于等于 64; 4010 缺少 images.
        Case {
            op: fall,
            body: json!({"images": vec![jpeg.clone(); 65]}),
            code: "4013",
        },
        Case {
            op: fall,
            body: json!({"images": []}),
            code: "4013",
        },
        Case {
            op: fall,
            body: json!({}),
            code: "4010",
        },
        // 002 simpauth66: 4002 参数错误 (invalid ID number: GB 11643 check digit; a
        // missing name; a portrait that is not JPEG).
        Case {
            op: real_name,
            body: json!({"portrait": jpeg, "idNum": "110105194912310021", "fullName": "张三"}),
            code: "AI_OP_4002",
        },
        Case {
            op: real_name,
            body: json!({"portrait": jpeg, "idNum": ID_OK}),
            code: "AI_OP_4002",
        },
        Case {
            op: real_name,
            body: json!({"portrait": b64(&gif_64()), "idNum": ID_OK, "fullName": "张三"}),
            code: "AI_OP_4002",
        },
        // 002 ActionFas: 400013 帧率 (10–30 fps), 400011 时长 (1–8 s), 400015 封装格式.
        Case {
            op: video,
            body: liveness("video_2s_50fps.mp4"),
            code: "AI_OP_400013",
        },
        Case {
            op: video,
            body: liveness("video_9s_15fps.mp4"),
            code: "AI_OP_400011",
        },
        Case {
            op: video,
            body: liveness("audio_0.1s.wav"),
            code: "AI_OP_400015",
        },
    ];
    let n = run(&emu, cases);
    // The valid counterparts are accepted, so the rejections above are the limits'.
    for (op, body) in [
        (detect, json!({"Action": "DetectFace", "ImageData": jpeg})),
        (shake, frames(1..=3)),
        (fall, json!({"images": [jpeg]})),
        (
            real_name,
            json!({"portrait": jpeg, "idNum": ID_OK, "fullName": "张三"}),
        ),
        (video, liveness("video_2s_15fps.mp4")),
    ] {
        let r = call(&emu, op, &body, "limits-ok");
        let v = r.json();
        // Manual 000 fall detection answers `code`, the others `statusCode`.
        let status_code = v.get("statusCode").or(v.get("code")).cloned();
        assert_eq!((r.status, status_code), (200, Some(json!(0))), "{op}: {v}");
    }
    assert_eq!(emu.total(), n as u64 + 5);
}

#[test]
fn ctyun_sign_md5_fence_limits_are_enforced_with_the_documented_codes() {
    let emu = start();
    let fence = "ctyun.safety_aiop.electronic_fence";
    let jpeg = b64(JPEG);
    // The fixture is 640×480; manual 001 electronic fence error table.
    let body = |area: &str, images: Vec<String>| json!({"area": area, "image": images});
    let inside = "10,10,600,10,600,400,10,400";
    let cases = vec![
        // 4013 area 超出图像范围.
        Case {
            op: fence,
            body: body("0,0,5000,0,5000,5000,0,5000", vec![jpeg.clone()]),
            code: "4013",
        },
        // 4012 area 字符串不符合要求 (4–9 points).
        Case {
            op: fence,
            body: body("10,10,600,10,600,400", vec![jpeg.clone()]),
            code: "4012",
        },
        Case {
            op: fence,
            body: body(
                "1,1,2,1,3,1,4,2,5,3,5,4,4,5,3,5,2,4,1,3",
                vec![jpeg.clone()],
            ),
            code: "4012",
        },
        // 4007 list 不能为空或大于 32.
        Case {
            op: fence,
            body: body(inside, vec![jpeg.clone(); 33]),
            code: "4007",
        },
        Case {
            op: fence,
            body: body(inside, vec![]),
            code: "4007",
        },
        // 4005 缺少关键字 (area missing).
        Case {
            op: fence,
            body: json!({"image": [jpeg]}),
            code: "4005",
        },
        // 4009 图像解析失败 (not an image the service reads).
        Case {
            op: fence,
            body: body(inside, vec![b64(&gif_64())]),
            code: "4009",
        },
    ];
    let n = run(&emu, cases);
    let ok = call(&emu, fence, &body(inside, vec![jpeg]), "ok");
    assert_eq!((ok.status, ok.json()["code"].clone()), (200, json!(0)));
    assert_eq!(emu.count(fence), n as u64 + 1);
}

#[test]
fn ctyun_2019_and_huawei_limits_are_enforced_with_the_documented_codes() {
    let emu = start();
    let uri = |bytes: &[u8]| format!("data:application/octet-stream;base64,{}", b64(bytes));
    let detect = "ctyun.face2019.detect";
    let tagging = "huawei.image.tagging_v2";
    let cases = vec![
        // 003 §4.1.2: 4001 请求未包含图片, 4002 请求文件格式不支持, 4008 分辨率 (32–5000 px).
        Case {
            op: detect,
            body: json!({}),
            code: "4001",
        },
        Case {
            op: detect,
            body: json!({"data": [uri(&gif_64())]}),
            code: "4002",
        },
        Case {
            op: detect,
            body: json!({"data": [uri(&fixture("image_20x10.png"))]}),
            code: "4008",
        },
        // 004 §7.2: AIS.0202 image format not supported (jpg/png/bmp/webp), AIS.0020
        // size over the limit (10 MB base64), AIS.0011 parameter missing.
        Case {
            op: tagging,
            body: json!({"image": b64(&gif_64())}),
            code: "AIS.0202",
        },
        Case {
            op: tagging,
            body: json!({"image": b64(&jpeg_of_len(8 * 1024 * 1024))}),
            code: "AIS.0020",
        },
        Case {
            op: tagging,
            body: json!({"language": "zh"}),
            code: "AIS.0011",
        },
    ];
    let n = run(&emu, cases);
    assert_eq!(emu.total(), n as u64);
}

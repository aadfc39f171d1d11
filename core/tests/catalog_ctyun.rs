//! The CTyun part of the catalog (manuals 000–003) against its contract: the explicit
//! list of operation ids below, well-formed entries, and the JSON export.

use cnvision::catalog::{
    self, AuthScheme, Field, FieldKind, Gateway, Limits, Location, MediaFormat, Operation,
    QpsGroup, TextPattern,
};
use cnvision::ErrorKind;
use serde_json::Value;
use std::collections::HashSet;

/// Every CTyun operation of manuals 000–003, in manual order. This list is the contract.
const EXPECTED: &[&str] = &[
    // 000 safety production, EOP gateway
    "ctyun.safety.hat_detect",
    "ctyun.safety.quality_detect",
    "ctyun.safety.fas_shake",
    "ctyun.safety.fas_up",
    "ctyun.safety.fas_down",
    "ctyun.safety.fas_left",
    "ctyun.safety.fas_mouth",
    "ctyun.safety.fas_eye",
    "ctyun.safety.fas_right",
    "ctyun.safety.fall_detect",
    "ctyun.safety.fight_detect",
    // 001 safety production, Sign-MD5 aiop gateway
    "ctyun.safety_aiop.hat_detect",
    "ctyun.safety_aiop.clothes_detect",
    "ctyun.safety_aiop.electronic_fence",
    // 002 face, EOP gateway
    "ctyun.face.detect",
    "ctyun.face.attributes",
    "ctyun.face.compare",
    "ctyun.face.silent_liveness",
    "ctyun.face.real_name_auth",
    "ctyun.face.action_liveness",
    // 003 face, 2019 CTYUN-HMAC API
    "ctyun.face2019.detect",
    "ctyun.face2019.analyse",
    "ctyun.face2019.compare",
];

fn ctyun_ops() -> Vec<&'static Operation> {
    catalog::all()
        .iter()
        .filter(|op| op.id.starts_with("ctyun."))
        .collect()
}

fn op(id: &str) -> &'static Operation {
    catalog::find(id).unwrap_or_else(|| panic!("{id} missing from the catalog"))
}

fn field(op: &Operation, name: &str) -> &'static Field {
    op.field(name)
        .unwrap_or_else(|| panic!("{}: field {name} missing", op.id))
}

#[test]
fn the_ctyun_operations_are_exactly_the_expected_ones_in_manual_order() {
    let ids: Vec<&str> = ctyun_ops().iter().map(|op| op.id).collect();
    assert_eq!(ids, EXPECTED);
}

#[test]
fn ids_are_unique_and_snake_case_across_the_catalog() {
    let mut seen = HashSet::new();
    for op in catalog::all() {
        assert!(seen.insert(op.id), "duplicate id {}", op.id);
    }
    for op in ctyun_ops() {
        let parts: Vec<&str> = op.id.split('.').collect();
        assert_eq!(parts.len(), 3, "{}", op.id);
        for part in parts {
            assert!(
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{} is not snake_case",
                op.id
            );
        }
    }
}

#[test]
fn every_response_example_is_a_success_object() {
    for op in ctyun_ops() {
        let v: Value = serde_json::from_str(op.response_example)
            .unwrap_or_else(|e| panic!("{}: response_example is not JSON: {e}", op.id));
        let obj = v.as_object().unwrap_or_else(|| panic!("{}", op.id));
        let status = obj
            .get("statusCode")
            .or_else(|| obj.get("code"))
            .unwrap_or_else(|| panic!("{}: no code/statusCode", op.id));
        let zero = status.as_i64() == Some(0) || status.as_str() == Some("0");
        assert!(zero, "{}: status {status} is not success", op.id);
        let has_payload = ["returnObj", "result", "data", "resStr"]
            .iter()
            .any(|k| obj.contains_key(*k));
        assert!(has_payload, "{}: no payload member", op.id);
    }
}

#[test]
fn field_names_and_error_codes_are_unique_within_each_operation() {
    for op in ctyun_ops() {
        let mut names = HashSet::new();
        for f in op.fields {
            assert!(names.insert(f.name), "{}: field {} twice", op.id, f.name);
            assert!(!f.doc.is_empty(), "{}: {} has no doc", op.id, f.name);
        }
        let mut codes = HashSet::new();
        for e in op.errors {
            assert!(codes.insert(e.code), "{}: error {} twice", op.id, e.code);
            assert!(
                !e.meaning.is_empty(),
                "{}: {} has no meaning",
                op.id,
                e.code
            );
        }
        assert!(!op.errors.is_empty(), "{}: no documented errors", op.id);
        assert!(op.manual.starts_with("00"), "{}: manual ref", op.id);
    }
}

#[test]
fn enums_are_non_empty_and_defaults_fit_their_kind() {
    for op in ctyun_ops() {
        for f in op.fields {
            if let FieldKind::Enum(values) = f.kind {
                assert!(!values.is_empty(), "{}.{}: empty enum", op.id, f.name);
                assert!(values.iter().all(|v| !v.is_empty()));
            }
            let Some(default) = f.default else { continue };
            let v: Value = serde_json::from_str(default)
                .unwrap_or_else(|e| panic!("{}.{}: default not JSON: {e}", op.id, f.name));
            match f.kind {
                FieldKind::Enum(values) => {
                    let s = v.as_str().expect("enum default is a string");
                    assert!(values.contains(&s), "{}.{}: default {s}", op.id, f.name);
                }
                FieldKind::Number => {
                    let n = v.as_f64().expect("number default");
                    if let Some(min) = f.limits.min_value {
                        assert!(n >= min);
                    }
                    if let Some(max) = f.limits.max_value {
                        assert!(n <= max);
                    }
                }
                FieldKind::Integer => assert!(v.is_i64() || v.is_u64()),
                FieldKind::Bool => assert!(v.is_boolean()),
                FieldKind::Text => assert!(v.is_string()),
                other => panic!("{}.{}: unexpected default for {other:?}", op.id, f.name),
            }
        }
    }
}

fn check_order<T: PartialOrd + std::fmt::Debug>(what: &str, min: Option<T>, max: Option<T>) {
    if let (Some(min), Some(max)) = (min, max) {
        assert!(min <= max, "{what}: min {min:?} > max {max:?}");
    }
}

fn check_limits(what: &str, l: &Limits) {
    check_order(&format!("{what} bytes"), l.min_bytes, l.max_bytes);
    check_order(&format!("{what} width"), l.min_width, l.max_width);
    check_order(&format!("{what} height"), l.min_height, l.max_height);
    check_order(&format!("{what} side"), l.min_side, l.max_side);
    check_order(&format!("{what} count"), l.min_count, l.max_count);
    check_order(&format!("{what} value"), l.min_value, l.max_value);
    check_order(&format!("{what} len"), l.min_len, l.max_len);
    check_order(
        &format!("{what} duration"),
        l.min_duration_ms,
        l.max_duration_ms,
    );
    check_order(&format!("{what} fps"), l.min_fps, l.max_fps);
    // A raw-size cap can never exceed the base64 cap it is checked alongside.
    check_order(
        &format!("{what} raw/encoded"),
        l.max_bytes,
        l.max_encoded_bytes,
    );
    for v in [l.min_value, l.max_value, l.min_fps, l.max_fps]
        .into_iter()
        .flatten()
    {
        assert!(v.is_finite(), "{what}: non-finite limit");
    }
}

#[test]
fn limits_are_consistent_and_media_fields_name_their_formats() {
    for op in ctyun_ops() {
        for f in op.fields {
            let what = format!("{}.{}", op.id, f.name);
            check_limits(&what, &f.limits);
            let media = matches!(
                f.kind,
                FieldKind::Image
                    | FieldKind::ImageList
                    | FieldKind::ImageSequence { .. }
                    | FieldKind::Video
                    | FieldKind::UrlOrDataUriList
                    | FieldKind::UrlOrDataUriPairs
            );
            assert_eq!(media, !f.limits.formats.is_empty(), "{what}: formats");
            if let FieldKind::ImageSequence { prefix, suffix } = f.kind {
                assert!(!prefix.is_empty() && !suffix.is_empty(), "{what}");
            }
        }
    }
}

#[test]
fn every_path_hole_is_filled_by_a_path_field_and_vice_versa() {
    for op in ctyun_ops() {
        assert!(op.path.starts_with('/'), "{}: {}", op.id, op.path);
        let mut holes = Vec::new();
        let mut rest = op.path;
        while let Some(start) = rest.find('{') {
            let end = rest[start..]
                .find('}')
                .unwrap_or_else(|| panic!("{}: unbalanced hole", op.id));
            holes.push(&rest[start + 1..start + end]);
            rest = &rest[start + end + 1..];
        }
        assert!(!rest.contains('}'), "{}: stray brace", op.id);
        for hole in &holes {
            let f = field(op, hole);
            assert_eq!(f.location, Location::Path, "{}: {hole}", op.id);
            assert!(f.required, "{}: {hole} must be required", op.id);
        }
        for f in op.fields.iter().filter(|f| f.location == Location::Path) {
            assert!(holes.contains(&f.name), "{}: no hole for {}", op.id, f.name);
        }
    }
}

#[test]
fn gateway_auth_qps_and_envelope_follow_the_manual() {
    for op in ctyun_ops() {
        let (gateway, auth) = match op.id.split('.').nth(1) {
            Some("safety") | Some("face") => (Gateway::CtyunEop, AuthScheme::Eop),
            Some("safety_aiop") => (Gateway::CtyunAiop, AuthScheme::CtyunMd5),
            Some("face2019") => (Gateway::Ctyun2019, AuthScheme::CtyunHmac),
            other => panic!("unexpected product {other:?}"),
        };
        assert_eq!((op.gateway, op.auth), (gateway, auth), "{}", op.id);
        assert_eq!(op.method.as_str(), "POST", "{}", op.id);
        assert_eq!(op.envelope, op.gateway == Gateway::CtyunEop, "{}", op.id);
        let qps = if op.id == "ctyun.face.action_liveness" {
            QpsGroup::VideoLiveness
        } else if op.id.starts_with("ctyun.face.") {
            QpsGroup::Face
        } else if op.id.starts_with("ctyun.face2019.") {
            QpsGroup::Ctyun2019
        } else {
            QpsGroup::Safety
        };
        assert_eq!(op.qps, qps, "{}", op.id);
        if op.auth == AuthScheme::Eop {
            let signature = op.error("10020").expect("EOP global errors");
            assert_eq!(signature.kind, ErrorKind::Authentication);
            assert_eq!(
                op.error("40006").map(|e| e.kind),
                Some(ErrorKind::Authentication)
            );
        }
        if op.envelope {
            assert_eq!(
                op.error("AI_OP_40018").map(|e| e.kind),
                Some(ErrorKind::Crypto)
            );
        }
    }
    assert_eq!(QpsGroup::Ctyun2019.default_qps(), None);
    assert_eq!(
        op("ctyun.face.real_name_auth")
            .error("AI_OP_4010")
            .map(|e| e.kind),
        Some(ErrorKind::RateLimited)
    );
}

#[test]
fn manual_000_limits() {
    let hat = field(op("ctyun.safety.hat_detect"), "image");
    assert_eq!(hat.limits.max_encoded_bytes, Some(5 * 1024 * 1024));
    assert!(hat.limits.formats.contains(&MediaFormat::Tiff));
    for id in &EXPECTED[2..9] {
        let o = op(id);
        assert!(o.path.contains("/face-fas-action/person/fas_"), "{id}");
        let seq = field(o, "imageNContent");
        assert_eq!(
            seq.kind,
            FieldKind::ImageSequence {
                prefix: "image",
                suffix: "Content"
            }
        );
        assert_eq!(
            (seq.limits.min_count, seq.limits.max_count),
            (Some(3), Some(35))
        );
        assert_eq!(
            (seq.limits.max_width, seq.limits.max_height),
            (Some(960), Some(1280))
        );
    }
    for id in ["ctyun.safety.fall_detect", "ctyun.safety.fight_detect"] {
        let images = field(op(id), "images");
        assert_eq!(images.kind, FieldKind::ImageList);
        assert_eq!(
            (images.limits.min_count, images.limits.max_count),
            (Some(1), Some(64))
        );
        assert!(images.limits.max_total_encoded_bytes.is_some());
    }
}

#[test]
fn manual_001_limits() {
    let fence = op("ctyun.safety_aiop.electronic_fence");
    assert_eq!(
        fence.path,
        "/v1/aiop/api/{service_code}/ef-http/electron/fence"
    );
    let area = field(fence, "area");
    assert_eq!(area.kind, FieldKind::PolygonText);
    assert_eq!(
        (area.limits.min_count, area.limits.max_count),
        (Some(4), Some(9))
    );
    let image = field(fence, "image");
    assert_eq!(image.kind, FieldKind::ImageList);
    assert_eq!(image.limits.max_count, Some(32));
    assert_eq!(image.limits.max_total_encoded_bytes, Some(50 * 1024 * 1024));
    for id in [
        "ctyun.safety_aiop.hat_detect",
        "ctyun.safety_aiop.clothes_detect",
    ] {
        assert_eq!(
            field(op(id), "image").limits.max_bytes,
            Some(5 * 1024 * 1024)
        );
    }
}

#[test]
fn manual_002_fixed_members_headers_and_limits() {
    let detect = op("ctyun.face.detect");
    assert_eq!(detect.headers, &[("version", "v3")]);
    assert_eq!(field(detect, "Action").default, Some("\"DetectFace\""));
    assert!(field(detect, "Action").required);
    for name in ["ImageData", "FaceThresh", "NeedFaceAngle"] {
        field(detect, name);
    }
    assert!(!field(detect, "FaceThresh").required);
    assert_eq!(op("ctyun.face.compare").headers, &[("version", "v2")]);

    let auth = op("ctyun.face.real_name_auth");
    assert!(auth.path.ends_with("/gcapi/simpauth66"));
    let portrait = field(auth, "portrait");
    assert_eq!(portrait.limits.formats, &[MediaFormat::Jpeg]);
    assert_eq!(
        (portrait.limits.min_bytes, portrait.limits.max_bytes),
        (Some(10 * 1024), Some(40 * 1024))
    );
    let id_num = field(auth, "idNum");
    assert_eq!(id_num.limits.pattern, Some(TextPattern::ChineseIdNumber));
    assert_eq!(
        (id_num.limits.min_len, id_num.limits.max_len),
        (Some(18), Some(18))
    );
    field(auth, "fullName");

    let action = op("ctyun.face.action_liveness");
    assert_eq!(field(action, "Action").default, Some("\"ActionFas\""));
    assert_eq!(
        field(action, "ActionType").kind,
        FieldKind::Enum(&["Blink", "OpenMouth", "FaceLeft", "FaceRight", "FaceUpdown"])
    );
    let video = field(action, "VideoBase64").limits;
    assert_eq!(
        video.formats,
        &[MediaFormat::Mp4, MediaFormat::Avi, MediaFormat::Mov]
    );
    assert_eq!(
        (video.min_duration_ms, video.max_duration_ms),
        (Some(1000), Some(8000))
    );
    assert_eq!((video.min_fps, video.max_fps), (Some(10.0), Some(30.0)));
    assert_eq!(video.max_bytes, Some(8 * 1024 * 1024));
    assert_eq!(video.max_encoded_bytes, Some(11 * 1024 * 1024));
}

#[test]
fn manual_003_batches_and_pairs() {
    for id in ["ctyun.face2019.detect", "ctyun.face2019.analyse"] {
        let data = field(op(id), "data");
        assert_eq!(data.kind, FieldKind::UrlOrDataUriList);
        assert_eq!(data.limits.max_count, Some(100));
    }
    let pairs = field(op("ctyun.face2019.compare"), "data");
    assert_eq!(pairs.kind, FieldKind::UrlOrDataUriPairs);
    // 100 images per batch = 50 pairs.
    assert_eq!(
        (pairs.limits.min_count, pairs.limits.max_count),
        (Some(1), Some(50))
    );
}

#[test]
fn json_export_round_trips_and_lists_every_operation() {
    let text = catalog::to_json();
    let v: Value = serde_json::from_str(&text).expect("catalog JSON parses");
    let again: Value =
        serde_json::from_str(&serde_json::to_string(&v).expect("re-serialise")).expect("reparse");
    assert_eq!(v, again);
    let ops = v.as_array().expect("array of operations");
    assert_eq!(ops.len(), catalog::all().len());
    for id in EXPECTED {
        let entry = ops
            .iter()
            .find(|o| o["id"] == *id)
            .unwrap_or_else(|| panic!("{id} missing from JSON"));
        let native = op(id);
        assert_eq!(entry["path"], native.path);
        assert_eq!(entry["method"], "POST");
        assert_eq!(
            entry["fields"].as_array().map(Vec::len),
            Some(native.fields.len()),
            "{id}"
        );
        // The example travels as text and still parses on the far side.
        let example = entry["response_example"].as_str().expect("example text");
        serde_json::from_str::<Value>(example).expect("example parses after export");
    }
    let seq = ops
        .iter()
        .find(|o| o["id"] == "ctyun.safety.fas_eye")
        .expect("fas_eye");
    assert_eq!(seq["fields"][0]["kind"]["type"], "image_sequence");
    assert_eq!(seq["fields"][0]["kind"]["of"]["prefix"], "image");
    let action = ops
        .iter()
        .find(|o| o["id"] == "ctyun.face.action_liveness")
        .expect("action");
    assert_eq!(action["qps"], "video_liveness");
    assert_eq!(action["errors"][0]["kind"], "Service");
}

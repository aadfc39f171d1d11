//! The Huawei entries of the catalog (manual 004) against the manual's facts.

use base64::Engine as _;
use cnvision::catalog::{
    self, AuthScheme, FieldKind, Gateway, Location, Method, Operation, QpsGroup,
};
use cnvision::ErrorKind;
use std::collections::HashSet;

/// The contract: every Huawei operation id, in manual order.
const EXPECTED_IDS: &[&str] = &[
    "huawei.image.media_tagging",
    "huawei.image.media_tagging_det",
    "huawei.image.celebrity_recognition",
    "huawei.image.main_object_detection",
    "huawei.image.recapture_detect",
    "huawei.image.tagging_v2",
    "huawei.image.tagging_v1",
    "huawei.image.dark_enhance",
    "huawei.image.defog",
    "huawei.image.super_resolution",
    "huawei.image.bgm_recognition",
    "huawei.iam.token",
    "huawei.iam.projects",
];

const DEPRECATED_IDS: &[&str] = &[
    "huawei.image.tagging_v1",
    "huawei.image.dark_enhance",
    "huawei.image.defog",
    "huawei.image.super_resolution",
    "huawei.image.bgm_recognition",
];

fn huawei_ops() -> Vec<&'static Operation> {
    catalog::all()
        .iter()
        .filter(|op| matches!(op.gateway, Gateway::HuaweiImage | Gateway::HuaweiIam))
        .collect()
}

fn op(id: &str) -> &'static Operation {
    catalog::find(id).unwrap_or_else(|| panic!("{id} missing from the catalog"))
}

fn example(op: &Operation) -> serde_json::Value {
    serde_json::from_str(op.response_example)
        .unwrap_or_else(|e| panic!("{}: response_example is not JSON: {e}", op.id))
}

/// `{name}` holes of a path, in order.
fn holes(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

#[test]
fn exactly_the_expected_ids_in_manual_order() {
    let ids: Vec<&str> = huawei_ops().iter().map(|op| op.id).collect();
    assert_eq!(ids, EXPECTED_IDS);
    for id in EXPECTED_IDS {
        assert_eq!(op(id).id, *id);
    }
}

#[test]
fn ids_are_unique_across_the_catalog() {
    let mut seen = HashSet::new();
    for op in catalog::all() {
        assert!(seen.insert(op.id), "duplicate id {}", op.id);
    }
}

#[test]
fn every_response_example_is_a_json_object() {
    for op in huawei_ops() {
        assert!(
            example(op).is_object(),
            "{}: example is not an object",
            op.id
        );
    }
}

#[test]
fn image_examples_carry_the_payload_under_result() {
    for op in huawei_ops()
        .into_iter()
        .filter(|op| op.gateway == Gateway::HuaweiImage)
    {
        let value = example(op);
        assert!(value.get("result").is_some(), "{}: no `result`", op.id);
        assert!(value.get("error_code").is_none(), "{}", op.id);
    }
}

#[test]
fn paths_have_only_project_id_holes_where_documented() {
    for op in huawei_ops() {
        assert!(op.path.starts_with('/'), "{}", op.id);
        let found = holes(op.path);
        assert!(
            found.iter().all(|h| *h == "project_id"),
            "{}: holes {found:?}",
            op.id
        );
        let expect_hole = op.gateway == Gateway::HuaweiImage && !op.path.starts_with("/v1.0/");
        assert_eq!(found.len(), usize::from(expect_hole), "{}", op.id);
        // The project id comes from the client configuration, never from a field.
        assert!(
            op.fields.iter().all(|f| f.location != Location::Path),
            "{}",
            op.id
        );
    }
    assert_eq!(
        op("huawei.image.main_object_detection").path,
        "/v3/{project_id}/image/main-object-detection"
    );
    assert_eq!(
        op("huawei.image.tagging_v2").path,
        "/v2/{project_id}/image/tagging"
    );
    assert_eq!(op("huawei.image.tagging_v1").path, "/v1.0/image/tagging");
    assert_eq!(op("huawei.iam.token").path, "/v3/auth/tokens");
    assert_eq!(op("huawei.iam.projects").path, "/v3/projects");
}

#[test]
fn deprecated_set_is_the_manuals_chapter_5() {
    let deprecated: Vec<&str> = huawei_ops()
        .iter()
        .filter(|op| op.deprecated)
        .map(|op| op.id)
        .collect();
    assert_eq!(deprecated, DEPRECATED_IDS);
    for op in huawei_ops() {
        assert_eq!(op.deprecated, op.manual.starts_with("004 §5."), "{}", op.id);
    }
}

#[test]
fn binary_results_point_at_base64_in_the_example() {
    let with_binary: Vec<&str> = huawei_ops()
        .iter()
        .filter(|op| !op.binary_results.is_empty())
        .map(|op| op.id)
        .collect();
    assert_eq!(
        with_binary,
        [
            "huawei.image.dark_enhance",
            "huawei.image.defog",
            "huawei.image.super_resolution"
        ]
    );
    for op in huawei_ops() {
        let value = example(op);
        for pointer in op.binary_results {
            let text = value
                .pointer(pointer)
                .and_then(|v| v.as_str())
                .unwrap_or_else(|| panic!("{}: {pointer} is not a string", op.id));
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(text)
                .unwrap_or_else(|e| panic!("{}: {pointer} is not base64: {e}", op.id));
            // The manual's result images are JPEGs.
            assert_eq!(&bytes[..3], &[0xFF, 0xD8, 0xFF], "{}", op.id);
        }
    }
}

#[test]
fn field_kinds_and_limits_are_consistent() {
    for op in huawei_ops() {
        let mut names = HashSet::new();
        for f in op.fields {
            assert!(
                names.insert(f.name),
                "{}: duplicate field {}",
                op.id,
                f.name
            );
            assert!(!f.doc.is_empty(), "{}.{}: no doc", op.id, f.name);
            if let FieldKind::Enum(values) = f.kind {
                assert!(!values.is_empty(), "{}.{}: empty enum", op.id, f.name);
            }
            let l = &f.limits;
            let pairs = [
                (l.min_bytes, l.max_bytes),
                (l.min_count.map(u64::from), l.max_count.map(u64::from)),
                (l.min_len.map(u64::from), l.max_len.map(u64::from)),
                (l.min_side.map(u64::from), l.max_side.map(u64::from)),
                (l.min_width.map(u64::from), l.max_width.map(u64::from)),
                (l.min_height.map(u64::from), l.max_height.map(u64::from)),
                (
                    l.min_duration_ms.map(u64::from),
                    l.max_duration_ms.map(u64::from),
                ),
            ];
            for (min, max) in pairs {
                if let (Some(min), Some(max)) = (min, max) {
                    assert!(min <= max, "{}.{}: {min} > {max}", op.id, f.name);
                }
            }
            for (min, max) in [(l.min_value, l.max_value), (l.min_fps, l.max_fps)] {
                if let (Some(min), Some(max)) = (min, max) {
                    assert!(min <= max, "{}.{}: {min} > {max}", op.id, f.name);
                }
            }
            if f.name.starts_with('/') {
                assert_eq!(f.location, Location::Body, "{}.{}", op.id, f.name);
            }
            if f.location == Location::Query {
                assert_eq!(op.method, Method::Get, "{}.{}", op.id, f.name);
            }
        }
    }
}

#[test]
fn defaults_are_json_of_the_fields_kind_within_limits() {
    for op in huawei_ops() {
        for f in op.fields {
            let Some(text) = f.default else { continue };
            let value: serde_json::Value = serde_json::from_str(text)
                .unwrap_or_else(|e| panic!("{}.{}: default not JSON: {e}", op.id, f.name));
            let ok = match f.kind {
                FieldKind::Enum(values) => value.as_str().is_some_and(|s| values.contains(&s)),
                FieldKind::Bool => value.is_boolean(),
                FieldKind::Integer => value.is_i64() || value.is_u64(),
                FieldKind::Number => value.is_number(),
                FieldKind::Text => value.is_string(),
                other => panic!("{}.{}: unexpected default for {other:?}", op.id, f.name),
            };
            assert!(
                ok,
                "{}.{}: default {text} not a {:?}",
                op.id, f.name, f.kind
            );
            if let Some(n) = value.as_f64() {
                if let Some(min) = f.limits.min_value {
                    assert!(n >= min, "{}.{}: default below min", op.id, f.name);
                }
                if let Some(max) = f.limits.max_value {
                    assert!(n <= max, "{}.{}: default above max", op.id, f.name);
                }
            }
        }
    }
}

#[test]
fn one_of_groups_name_optional_existing_fields() {
    for op in huawei_ops() {
        for group in op.one_of {
            assert!(group.len() >= 2, "{}: one_of group too small", op.id);
            for name in *group {
                let f = op
                    .field(name)
                    .unwrap_or_else(|| panic!("{}: one_of names unknown {name}", op.id));
                assert!(!f.required, "{}.{name}: required inside one_of", op.id);
            }
        }
    }
    for id in &EXPECTED_IDS[..7] {
        assert_eq!(op(id).one_of, &[&["image", "url"][..]], "{id}");
    }
}

#[test]
fn gateway_auth_method_and_qps() {
    for op in huawei_ops() {
        assert_eq!(op.qps, QpsGroup::Huawei, "{}", op.id);
        assert!(!op.envelope, "{}", op.id);
        assert!(op.headers.is_empty(), "{}", op.id);
        match op.gateway {
            Gateway::HuaweiImage => {
                assert!(op.id.starts_with("huawei.image."), "{}", op.id);
                assert_eq!(op.auth, AuthScheme::Huawei, "{}", op.id);
                assert_eq!(op.method, Method::Post, "{}", op.id);
            }
            Gateway::HuaweiIam => assert!(op.id.starts_with("huawei.iam."), "{}", op.id),
            other => panic!("{}: gateway {other:?}", op.id),
        }
    }
    assert_eq!(op("huawei.iam.token").auth, AuthScheme::None);
    assert_eq!(op("huawei.iam.token").method, Method::Post);
    assert_eq!(op("huawei.iam.projects").auth, AuthScheme::Huawei);
    assert_eq!(op("huawei.iam.projects").method, Method::Get);
    let name = op("huawei.iam.projects").field("name").map(|f| f.location);
    assert_eq!(name, Some(Location::Query));
}

#[test]
fn documented_image_limits() {
    const TEN_MIB: u64 = 10 * 1024 * 1024;
    let expect = [
        // (id, min_side, max_side, webp allowed)
        ("huawei.image.media_tagging", Some(1), Some(10000), true),
        ("huawei.image.media_tagging_det", Some(1), Some(10000), true),
        ("huawei.image.celebrity_recognition", None, None, true),
        (
            "huawei.image.main_object_detection",
            Some(1),
            Some(10000),
            true,
        ),
        ("huawei.image.recapture_detect", Some(1), Some(10000), false),
        ("huawei.image.tagging_v2", Some(1), Some(4096), true),
        ("huawei.image.tagging_v1", Some(15), Some(4096), true),
        ("huawei.image.dark_enhance", None, None, true),
        ("huawei.image.defog", None, None, true),
        ("huawei.image.super_resolution", None, None, false),
    ];
    for (id, min_side, max_side, webp) in expect {
        let image = op(id).field("image").expect("image field");
        assert_eq!(image.kind, FieldKind::Image, "{id}");
        assert_eq!(image.limits.max_encoded_bytes, Some(TEN_MIB), "{id}");
        assert_eq!(image.limits.min_side, min_side, "{id}");
        assert_eq!(image.limits.max_side, max_side, "{id}");
        let formats = image.limits.formats;
        assert!(formats.contains(&catalog::MediaFormat::Jpeg), "{id}");
        assert!(formats.contains(&catalog::MediaFormat::Png), "{id}");
        assert!(formats.contains(&catalog::MediaFormat::Bmp), "{id}");
        assert_eq!(formats.contains(&catalog::MediaFormat::Webp), webp, "{id}");
    }
    let celebrity = op("huawei.image.celebrity_recognition").field("image");
    assert_eq!(celebrity.and_then(|f| f.limits.min_width), Some(40));
    let bgm = op("huawei.image.bgm_recognition")
        .field("url")
        .expect("url");
    assert!(bgm.required);
    assert_eq!(bgm.kind, FieldKind::Url);
    assert_eq!(bgm.limits.formats, &[catalog::MediaFormat::Mp4]);
    assert_eq!(bgm.limits.max_bytes, Some(65 * 1024 * 1024));
}

#[test]
fn documented_parameter_ranges_and_defaults() {
    // (id, field, default, min, max)
    let expect = [
        (
            "huawei.image.media_tagging",
            "threshold",
            Some("40"),
            0.0,
            100.0,
        ),
        (
            "huawei.image.media_tagging",
            "limit",
            Some("10"),
            1.0,
            150.0,
        ),
        (
            "huawei.image.media_tagging_det",
            "threshold",
            Some("20"),
            0.0,
            100.0,
        ),
        (
            "huawei.image.media_tagging_det",
            "limit",
            Some("10"),
            1.0,
            50.0,
        ),
        (
            "huawei.image.celebrity_recognition",
            "threshold",
            Some("0.9"),
            0.0,
            1.0,
        ),
        (
            "huawei.image.main_object_detection",
            "threshold",
            Some("30"),
            0.0,
            100.0,
        ),
        (
            "huawei.image.recapture_detect",
            "threshold",
            Some("0.95"),
            0.0,
            1.0,
        ),
        (
            "huawei.image.tagging_v2",
            "threshold",
            Some("60"),
            0.0,
            100.0,
        ),
        ("huawei.image.tagging_v2", "limit", None, 1.0, 150.0),
        (
            "huawei.image.tagging_v1",
            "threshold",
            Some("0"),
            0.0,
            100.0,
        ),
        (
            "huawei.image.dark_enhance",
            "brightness",
            Some("0.9"),
            0.0,
            1.0,
        ),
        ("huawei.image.defog", "gamma", Some("1.5"), 0.1, 10.0),
        (
            "huawei.image.super_resolution",
            "scale",
            Some("3"),
            3.0,
            4.0,
        ),
    ];
    for (id, name, default, min, max) in expect {
        let f = op(id).field(name).unwrap_or_else(|| panic!("{id}.{name}"));
        assert!(!f.required, "{id}.{name}");
        assert_eq!(f.default, default, "{id}.{name}");
        assert_eq!(f.limits.min_value, Some(min), "{id}.{name}");
        assert_eq!(f.limits.max_value, Some(max), "{id}.{name}");
    }
    for id in [
        "huawei.image.media_tagging",
        "huawei.image.media_tagging_det",
        "huawei.image.tagging_v2",
        "huawei.image.tagging_v1",
    ] {
        let language = op(id).field("language").expect("language");
        assert_eq!(language.kind, FieldKind::Enum(&["zh", "en"]), "{id}");
        assert_eq!(language.default, Some("\"zh\""), "{id}");
    }
    let model = op("huawei.image.super_resolution").field("model");
    assert_eq!(
        model.map(|f| (f.kind, f.default)),
        Some((FieldKind::Enum(&["ESPCN", "SRCNN"]), Some("\"ESPCN\"")))
    );
}

#[test]
fn error_codes_are_unique_and_classified() {
    for op in huawei_ops() {
        let mut seen = HashSet::new();
        for e in op.errors {
            assert!(seen.insert(e.code), "{}: duplicate {}", op.id, e.code);
            assert!(!e.meaning.is_empty(), "{}: {}", op.id, e.code);
        }
        if op.gateway == Gateway::HuaweiImage {
            // Every code the manual's failure examples show is catalogued.
            for code in ["AIS.0005", "AIS.0014", "AIS.0105"] {
                assert!(op.error(code).is_some(), "{}: {code}", op.id);
            }
            assert_eq!(
                op.errors.len(),
                79,
                "{}: §7.2 table + 2 example codes",
                op.id
            );
        }
    }
    let tagging = op("huawei.image.tagging_v2");
    let kind = |code: &str| tagging.error(code).map(|e| e.kind);
    assert_eq!(kind("APIG.0308"), Some(ErrorKind::RateLimited));
    assert_eq!(kind("AIS.0031"), Some(ErrorKind::RateLimited));
    assert_eq!(kind("APIG.0301"), Some(ErrorKind::Authentication));
    assert_eq!(kind("AIS.0002"), Some(ErrorKind::Authentication));
    assert_eq!(kind("ModelArts.4101"), Some(ErrorKind::Authentication));
    assert_eq!(kind("AIP.0001"), Some(ErrorKind::Authentication));
    assert_eq!(kind("AIS.0504"), Some(ErrorKind::InvalidInput));
    assert_eq!(kind("AIS.0003"), Some(ErrorKind::Service));
    assert_eq!(kind("AIP.0500"), Some(ErrorKind::Service));
    let codes: HashSet<&str> = tagging.errors.iter().map(|e| e.code).collect();
    for prefix in ["AIS.", "APIG.", "ModelArts.", "AIP."] {
        assert!(codes.iter().any(|c| c.starts_with(prefix)), "{prefix}");
    }
}

#[test]
fn catalog_json_export_carries_the_huawei_entries() {
    let exported: serde_json::Value =
        serde_json::from_str(&catalog::to_json()).expect("catalog JSON");
    let ids: HashSet<&str> = exported
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|op| op.get("id").and_then(|v| v.as_str()))
        .collect();
    for id in EXPECTED_IDS {
        assert!(ids.contains(id), "{id} not exported");
    }
}

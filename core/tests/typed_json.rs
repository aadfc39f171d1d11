//! `api::typed_result_json` and `api::RESULT_TYPES`: the table covers the catalog,
//! every operation's documented answer serializes through its typed parser, and the
//! JSON equals the serialized value of the typed method (same parser, same fields).

mod client_support;

use client_support::*;
use cnvision::api::{self, ImageSource};
use cnvision::catalog::{self, Gateway};
use cnvision::config::ClientConfig;
use cnvision::media::Media;
use cnvision::policy::ManualClock;
use cnvision::{CallOptions, Client, ErrorKind, Response};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::sync::Arc;

fn client() -> Client {
    let mut c = ClientConfig::new()
        .with_ctyun_eop(EOP_AK, EOP_SK, EOP_APP_KEY)
        .with_ctyun_app(APP_KEY, APP_SECRET)
        .with_huawei_aksk(HW_AK, HW_SK)
        .with_huawei_project_id(PROJECT_ID)
        .with_huawei_region(REGION);
    for g in [
        Gateway::CtyunEop,
        Gateway::CtyunAiop,
        Gateway::Ctyun2019,
        Gateway::HuaweiImage,
        Gateway::HuaweiIam,
    ] {
        c = c.with_endpoint(g, "http://gw.test");
    }
    Client::with_transport(c, Arc::new(FakeTransport::documented()))
        .unwrap()
        .with_policy_clock(Arc::new(ManualClock::new()))
        .unwrap()
}

fn documented(c: &Client, op_id: &str, fx: &Fixtures) -> Response {
    let op = catalog::find(op_id).unwrap();
    let (params, media) = sample_inputs(op, fx);
    c.call(op_id, &params, &media, &CallOptions::default())
        .unwrap_or_else(|e| panic!("{op_id}: {e}"))
}

#[test]
fn result_types_cover_the_catalog_in_order_and_match_the_method_table() {
    let ids: Vec<&str> = api::RESULT_TYPES.iter().map(|(id, _)| *id).collect();
    let catalog: Vec<&str> = catalog::all().iter().map(|o| o.id).collect();
    assert_eq!(ids, catalog);
    let methods: Vec<&str> = api::OPERATIONS.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, methods);
    for (id, ty) in api::RESULT_TYPES {
        assert!(
            ty.chars()
                .all(|c| c.is_ascii_alphanumeric() || "<> ".contains(c)),
            "{id}: {ty}"
        );
    }
}

#[test]
fn every_operation_serializes_its_documented_answer() {
    let fx = Fixtures::load();
    let c = client();
    for op in catalog::all() {
        let r = documented(&c, op.id, &fx);
        let v = api::typed_result_json(op.id, &r).unwrap_or_else(|e| panic!("{}: {e}", op.id));
        let (_, ty) = api::RESULT_TYPES.iter().find(|(i, _)| *i == op.id).unwrap();
        if ty.starts_with("Vec") {
            assert!(
                v.as_array().is_some_and(|a| !a.is_empty()),
                "{}: {v}",
                op.id
            );
        } else {
            assert!(
                v.as_object().is_some_and(|o| !o.is_empty()),
                "{}: {v}",
                op.id
            );
        }
    }
}

#[test]
fn typed_json_equals_the_serialized_typed_method_result() {
    let fx = Fixtures::load();
    let c = client();
    let img = Media::Bytes(&fx.jpeg);
    let same = |id: &str, typed: Value| {
        assert_eq!(
            api::typed_result_json(id, &documented(&c, id, &fx)).unwrap(),
            typed,
            "{id}"
        );
    };
    same(
        "ctyun.safety.hat_detect",
        to(&c.ctyun_safety().hat_detect(img).unwrap()),
    );
    same(
        "ctyun.face.detect",
        to(&c.ctyun_face().detect(img, &Default::default()).unwrap()),
    );
    same(
        "ctyun.face.real_name_auth",
        to(&c
            .ctyun_face()
            .real_name_auth(img, ID_NUMBER, "张三")
            .unwrap()),
    );
    same(
        "huawei.image.recapture_detect",
        to(&c
            .huawei_image()
            .recapture_detect(ImageSource::Media(img), None)
            .unwrap()),
    );
    same(
        "huawei.image.super_resolution",
        to(&c.huawei_image().super_resolution(img, None, None).unwrap()),
    );
    same(
        "huawei.iam.projects",
        to(&c.huawei_iam().projects(None).unwrap()),
    );
}

fn to<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

#[test]
fn typed_json_uses_rust_field_names_and_decoded_values() {
    let fx = Fixtures::load();
    let c = client();
    let hats = api::typed_result_json(
        "ctyun.safety.hat_detect",
        &documented(&c, "ctyun.safety.hat_detect", &fx),
    )
    .unwrap();
    assert_eq!(
        hats[0],
        json!({"label": "blue_hat", "score": 0.9998, "bbox": [15.0, 72.0, 84.0, 129.0]})
    );
    let rn = api::typed_result_json(
        "ctyun.face.real_name_auth",
        &documented(&c, "ctyun.face.real_name_auth", &fx),
    )
    .unwrap();
    assert_eq!(
        (&rn["identity"], &rn["portrait"]),
        (&json!("valid"), &json!("same_person"))
    );
    let sr = api::typed_result_json(
        "huawei.image.super_resolution",
        &documented(&c, "huawei.image.super_resolution", &fx),
    )
    .unwrap();
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(sr["bytes"].as_str().unwrap())
        .unwrap();
    assert_eq!(&bytes[..3], &[0xFF, 0xD8, 0xFF]);
    let tok = api::typed_result_json("huawei.iam.token", &documented(&c, "huawei.iam.token", &fx))
        .unwrap();
    assert_eq!(tok["token"], "token-abc");
}

#[test]
fn unknown_operation_and_wrong_shape_are_errors() {
    let fx = Fixtures::load();
    let c = client();
    let mut r = documented(&c, "ctyun.face.compare", &fx);
    let e = api::typed_result_json("no.such.op", &r).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    r.result = json!({"Score": "not a number"});
    let e = api::typed_result_json("ctyun.face.compare", &r).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Protocol);
    assert!(e.to_string().contains("ctyun.face.compare"), "{e}");
    let names: BTreeSet<String> = api::RESULT_TYPES
        .iter()
        .map(|(_, t)| t.replace(' ', ""))
        .collect();
    assert!(names.contains("Vec<Detection>") && names.contains("FaceDetection"));
}

//! The typed API: the op-id table covers the catalog exactly, every typed method
//! calls its own operation and reads the documented example into its typed result,
//! and the tolerant readers accept the documented shape variants.

mod client_support;

use client_support::*;
use cnvision::api::{
    self, BatchImage, ImageSource, LivenessAction, LivenessVerdict, RecaptureSuggestion,
};
use cnvision::catalog::{self, Gateway};
use cnvision::config::ClientConfig;
use cnvision::media::Media;
use cnvision::policy::ManualClock;
use cnvision::transport::HttpResponse;
use cnvision::{Client, ErrorKind};
use std::collections::BTreeSet;
use std::sync::Arc;

fn client(t: Arc<FakeTransport>) -> Client {
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
    Client::with_transport(c, t)
        .unwrap()
        .with_policy_clock(Arc::new(ManualClock::new()))
        .unwrap()
}

#[test]
fn operation_table_covers_the_catalog_exactly() {
    let table: BTreeSet<&str> = api::OPERATIONS.iter().map(|(id, _)| *id).collect();
    let catalog: BTreeSet<&str> = catalog::all().iter().map(|o| o.id).collect();
    assert_eq!(
        table.len(),
        api::OPERATIONS.len(),
        "duplicate ids in the table"
    );
    let missing: Vec<_> = catalog.difference(&table).collect();
    let unknown: Vec<_> = table.difference(&catalog).collect();
    assert!(
        missing.is_empty(),
        "catalog operations without a typed method: {missing:?}"
    );
    assert!(
        unknown.is_empty(),
        "typed methods for unknown operations: {unknown:?}"
    );
}

/// Calls the typed method named in the table for `op_id` and returns a summary.
fn call_typed(c: &Client, method: &str, fx: &Fixtures) -> cnvision::Result<String> {
    let img = Media::Bytes(&fx.jpeg);
    let frames = [img; 3];
    let src = ImageSource::Media(img);
    let out = match method {
        "ctyun_safety().hat_detect" => format!("{:?}", c.ctyun_safety().hat_detect(img)?),
        "ctyun_safety().quality_detect" => format!("{:?}", c.ctyun_safety().quality_detect(img)?),
        "ctyun_safety().fas_shake" => format!("{:?}", c.ctyun_safety().fas_shake(&frames)?),
        "ctyun_safety().fas_up" => format!("{:?}", c.ctyun_safety().fas_up(&frames)?),
        "ctyun_safety().fas_down" => format!("{:?}", c.ctyun_safety().fas_down(&frames)?),
        "ctyun_safety().fas_left" => format!("{:?}", c.ctyun_safety().fas_left(&frames)?),
        "ctyun_safety().fas_mouth" => format!("{:?}", c.ctyun_safety().fas_mouth(&frames)?),
        "ctyun_safety().fas_eye" => format!("{:?}", c.ctyun_safety().fas_eye(&frames)?),
        "ctyun_safety().fas_right" => format!("{:?}", c.ctyun_safety().fas_right(&frames)?),
        "ctyun_safety().fall_detect" => format!("{:?}", c.ctyun_safety().fall_detect(&frames)?),
        "ctyun_safety().fight_detect" => format!("{:?}", c.ctyun_safety().fight_detect(&frames)?),
        "ctyun_safety_aiop().hat_detect" => {
            format!("{:?}", c.ctyun_safety_aiop().hat_detect("svc1", img)?)
        }
        "ctyun_safety_aiop().clothes_detect" => {
            format!("{:?}", c.ctyun_safety_aiop().clothes_detect("svc1", img)?)
        }
        "ctyun_safety_aiop().electronic_fence" => format!(
            "{:?}",
            c.ctyun_safety_aiop().electronic_fence(
                "svc1",
                &[(1, 1), (600, 1), (600, 400), (1, 400)],
                &frames
            )?
        ),
        "ctyun_face().detect" => format!("{:?}", c.ctyun_face().detect(img, &Default::default())?),
        "ctyun_face().attributes" => format!("{:?}", c.ctyun_face().attributes(img)?),
        "ctyun_face().compare" => format!("{:?}", c.ctyun_face().compare(img, img)?),
        "ctyun_face().silent_liveness" => format!("{:?}", c.ctyun_face().silent_liveness(img)?),
        "ctyun_face().real_name_auth" => format!(
            "{:?}",
            c.ctyun_face().real_name_auth(img, ID_NUMBER, "张三")?
        ),
        "ctyun_face().action_liveness" => {
            format!(
                "{:?}",
                c.ctyun_face()
                    .action_liveness(Media::Bytes(&fx.mp4), LivenessAction::Blink)?
            )
        }
        "ctyun_face2019().detect" => format!(
            "{:?}",
            c.ctyun_face2019().detect(&[BatchImage::Media(img)])?
        ),
        "ctyun_face2019().analyse" => format!(
            "{:?}",
            c.ctyun_face2019()
                .analyse(&[BatchImage::Url("https://x/a.jpg")])?
        ),
        "ctyun_face2019().compare" => format!(
            "{:?}",
            c.ctyun_face2019()
                .compare(&[(BatchImage::Media(img), BatchImage::Media(img))])?
        ),
        "huawei_image().media_tagging" => format!(
            "{:?}",
            c.huawei_image().media_tagging(src, &Default::default())?
        ),
        "huawei_image().media_tagging_det" => format!(
            "{:?}",
            c.huawei_image()
                .media_tagging_det(src, &Default::default())?
        ),
        "huawei_image().celebrity_recognition" => {
            format!("{:?}", c.huawei_image().celebrity_recognition(src, None)?)
        }
        "huawei_image().main_object_detection" => format!(
            "{:?}",
            c.huawei_image().main_object_detection(src, Some(50.0))?
        ),
        "huawei_image().recapture_detect" => {
            format!("{:?}", c.huawei_image().recapture_detect(src, None)?)
        }
        "huawei_image().tagging_v2" => format!(
            "{:?}",
            c.huawei_image()
                .tagging_v2(ImageSource::Url("https://x/y.jpg"), &Default::default())?
        ),
        "huawei_image().tagging_v1" => format!(
            "{:?}",
            c.huawei_image().tagging_v1(src, &Default::default())?
        ),
        "huawei_image().dark_enhance" => format!(
            "{:?}",
            c.huawei_image().dark_enhance(img, None)?.bytes.len()
        ),
        "huawei_image().defog" => format!(
            "{:?}",
            c.huawei_image().defog(img, Some(1.0), None)?.bytes.len()
        ),
        "huawei_image().super_resolution" => format!(
            "{:?}",
            c.huawei_image()
                .super_resolution(img, Some(4), None)?
                .bytes
                .len()
        ),
        "huawei_image().bgm_recognition" => format!(
            "{:?}",
            c.huawei_image().bgm_recognition("https://obs/v.mp4")?
        ),
        "huawei_iam().token" => {
            format!("{:?}", c.huawei_iam().token("u", &"p".into(), "d", REGION)?)
        }
        "huawei_iam().projects" => format!("{:?}", c.huawei_iam().projects(Some(REGION))?),
        other => panic!("the test does not know typed method {other}"),
    };
    Ok(out)
}

#[test]
fn every_typed_method_calls_its_operation_and_reads_the_documented_example() {
    let fx = Fixtures::load();
    let t = Arc::new(FakeTransport::documented());
    let c = client(t.clone());
    for (id, method) in api::OPERATIONS {
        let summary = call_typed(&c, method, &fx).unwrap_or_else(|e| panic!("{method}: {e}"));
        assert!(!summary.is_empty());
        let req = t.last();
        assert_eq!(op_of(&req).id, *id, "{method} called the wrong operation");
        verify_signature(op_of(&req), &req);
    }
}

#[test]
fn typed_results_hold_the_documented_values() {
    let fx = Fixtures::load();
    let c = client(Arc::new(FakeTransport::documented()));
    let img = Media::Bytes(&fx.jpeg);
    let hats = c.ctyun_safety().hat_detect(img).unwrap();
    assert_eq!(
        (hats.len(), hats[0].label.as_str(), hats[0].score),
        (2, "blue_hat", 0.9998)
    );
    assert_eq!(hats[0].bbox, vec![15.0, 72.0, 84.0, 129.0]);
    assert!(c.ctyun_safety().quality_detect(img).unwrap().is_good());
    assert!(c.ctyun_safety().fas_eye(&[img; 3]).unwrap().action_detected);
    assert_eq!(c.ctyun_safety().fall_detect(&[img]).unwrap().score, 0.001);

    let fence = c
        .ctyun_safety_aiop()
        .electronic_fence("s", &[(1, 1), (9, 1), (9, 9), (1, 9)], &[img])
        .unwrap();
    assert_eq!(
        (
            fence[0].target_num,
            fence[0].locations.len(),
            fence[0].locations[1].left
        ),
        (2, 2, 971.0)
    );

    let det = c.ctyun_face().detect(img, &Default::default()).unwrap();
    let f = &det.faces[0];
    assert_eq!(
        (f.rect.left, f.rect.width, f.score, f.angles),
        (1135.0, 279.0, Some(0.6763), Some([-40.4, 1.2, 5.16]))
    );
    assert_eq!(f.landmarks.len(), 10);
    let ag = c.ctyun_face().attributes(img).unwrap();
    assert_eq!(
        (
            ag.faces[0].age,
            ag.faces[0].gender.as_str(),
            ag.faces[0].location.height
        ),
        (Some(23), "Male", 72.0)
    );
    assert_eq!(c.ctyun_face().compare(img, img).unwrap().score, 0.6841);
    let live = c.ctyun_face().silent_liveness(img).unwrap();
    assert!(
        matches!(live.faces[0].verdict, LivenessVerdict::Other(_)),
        "the example lists every answer in one string"
    );
    let rn = c
        .ctyun_face()
        .real_name_auth(img, ID_NUMBER, "张三")
        .unwrap();
    assert_eq!(
        (rn.identity, rn.portrait),
        (api::IdentityCheck::Valid, api::PortraitCheck::SamePerson)
    );
    assert!(rn.is_verified());
    assert_eq!(rn.message.as_deref(), Some("成功"));
    let al = c
        .ctyun_face()
        .action_liveness(Media::Bytes(&fx.mp4), LivenessAction::Blink)
        .unwrap();
    assert!(al.valid && al.eye && !al.mouth);

    let d = c
        .ctyun_face2019()
        .detect(&[BatchImage::Media(img)])
        .unwrap();
    assert_eq!(
        (
            d.len(),
            d[1].faces.len(),
            d[2].pic_quality,
            d[0].faces[0].probability
        ),
        (3, 2, 1, Some(0.971))
    );
    let a = c
        .ctyun_face2019()
        .analyse(&[BatchImage::Media(img)])
        .unwrap();
    assert_eq!(
        (a[1].faces[0].age, a[1].faces[0].gender.as_str()),
        (Some(38), "F")
    );
    let cmp = c
        .ctyun_face2019()
        .compare(&[(BatchImage::Url("https://a"), BatchImage::Url("https://b"))])
        .unwrap();
    assert_eq!(
        (
            cmp[0].confidence,
            cmp[1].confidence,
            cmp[0].same_person,
            cmp[1].pic_quality
        ),
        (Some(51.397), None, false, 1)
    );

    let src = ImageSource::Media(img);
    let tags = c
        .huawei_image()
        .media_tagging(src, &Default::default())
        .unwrap();
    assert_eq!((tags.tags.len(), tags.tags[0].confidence), (4, 39.42));
    assert_eq!(tags.tags[0].i18n_tag.as_ref().unwrap().en, "Picnic");
    let det = c
        .huawei_image()
        .media_tagging_det(src, &Default::default())
        .unwrap();
    assert_eq!(
        (
            det.tags[0].instances[0].confidence,
            det.tags[0].instances[0].bounding_box.width
        ),
        (75.74, 123.0)
    );
    let v1 = c
        .huawei_image()
        .tagging_v1(src, &Default::default())
        .unwrap();
    assert_eq!(
        (v1.tags[0].confidence, v1.tags[0].kind.as_str()),
        (38.51, "object")
    );
    let cel = c.huawei_image().celebrity_recognition(src, None).unwrap();
    assert_eq!(
        (cel[0].label.as_str(), cel[0].face_detail.w),
        ("xxx", 186.0)
    );
    let mo = c.huawei_image().main_object_detection(src, None).unwrap();
    assert_eq!(
        (
            mo[1].label.as_str(),
            mo[1].confidence,
            mo[1].location.top_left_x
        ),
        ("main_object_box", 66.38, 256.13)
    );
    let rc = c.huawei_image().recapture_detect(src, None).unwrap();
    assert_eq!(
        (rc.suggestion, rc.score, rc.detail[0].confidence),
        (RecaptureSuggestion::Recaptured, Some(0.9998), 0.9998)
    );
    let sr = c.huawei_image().super_resolution(img, None, None).unwrap();
    assert_eq!(&sr.bytes[..3], &[0xFF, 0xD8, 0xFF]);
    assert_eq!(
        c.huawei_image()
            .bgm_recognition("https://obs/v.mp4")
            .unwrap()
            .audio_name,
        "my heart will go on"
    );
    let tok = c.huawei_iam().token("u", &"p".into(), "d", REGION).unwrap();
    assert_eq!(
        (tok.token.expose(), tok.expires_at.as_deref()),
        ("token-abc", Some("2019-02-13T06:52:13.855000Z"))
    );
    assert!(!format!("{tok:?}").contains("token-abc"));
    let projects = c.huawei_iam().projects(None).unwrap();
    assert_eq!(
        (projects[0].id.as_str(), projects[0].name.as_str()),
        ("a4a5d4098fb4474fa22cd05f897d6b99", REGION)
    );
}

fn answering(body: &'static str) -> Arc<FakeTransport> {
    Arc::new(FakeTransport::new(move |_, _| {
        Ok(HttpResponse {
            status: 200,
            headers: vec![],
            body: body.as_bytes().to_vec(),
        })
    }))
}

#[test]
fn tolerant_readers_accept_shape_variants_and_reject_wrong_shapes() {
    let fx = Fixtures::load();
    let img = Media::Bytes(&fx.jpeg);
    // Numbers as strings, statusCode as a string, "True" booleans, `code` instead of `statusCode`.
    let c = client(answering(
        r#"{"code":"0","returnObj":[{"box":["1","2","3","4"],"classname":"red_hat","score":"0.5"}]}"#,
    ));
    let h = c.ctyun_safety().hat_detect(img).unwrap();
    assert_eq!(
        (h[0].score, h[0].bbox.clone()),
        (0.5, vec![1.0, 2.0, 3.0, 4.0])
    );
    let c = client(answering(
        r#"{"statusCode":"0","returnObj":{"action_detected":"True"}}"#,
    ));
    assert!(c.ctyun_safety().fas_up(&[img; 3]).unwrap().action_detected);
    let c = client(answering(
        r#"{"statusCode":0,"returnObj":{"face_list":[{"FaceAntiSpoofing":"活体人脸"}],"face_num":"1"}}"#,
    ));
    assert_eq!(
        c.ctyun_face().silent_liveness(img).unwrap().faces[0].verdict,
        LivenessVerdict::Live
    );
    // Real-name: resStr decoding of a non-match.
    let c = client(answering(
        r#"{"statusCode":0,"certToken":"t","resStr":"01XX","retMessage":"ok"}"#,
    ));
    let rn = c
        .ctyun_face()
        .real_name_auth(img, ID_NUMBER, "张三")
        .unwrap();
    assert_eq!(rn.portrait, api::PortraitCheck::DifferentPerson);
    assert!(!rn.is_verified());
    // A result of the wrong shape is a Protocol error naming the operation.
    let c = client(answering(
        r#"{"statusCode":0,"returnObj":{"unexpected":1}}"#,
    ));
    let e = c.ctyun_face().compare(img, img).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Protocol);
    assert!(e.message().contains("ctyun.face.compare"), "{e}");
    // A batch mixing URLs and bytes is refused locally.
    let t = answering("{}");
    let c = client(t.clone());
    let e = c
        .ctyun_face2019()
        .detect(&[BatchImage::Url("https://a"), BatchImage::Media(img)])
        .unwrap_err();
    assert_eq!((e.kind(), t.count()), (ErrorKind::InvalidInput, 0));
}

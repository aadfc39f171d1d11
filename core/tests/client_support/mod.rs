//! Shared by the client tests: valid sample inputs for every catalog operation, a
//! recording fake transport, and request verification with the auth modules'
//! verify functions.
#![allow(dead_code)]

use cnvision::auth::{apig, ctyun_hmac, ctyun_md5, eop, SignableBody, SignableRequest};
use cnvision::catalog::{AuthScheme, FieldKind, Operation};
use cnvision::media::Media;
use cnvision::transport::{HttpRequest, HttpResponse, HttpTransport, TransportFailure};
use serde_json::{json, Map, Value};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

pub const EOP_AK: &str = "test-eop-ak";
pub const EOP_SK: &str = "test-eop-sk";
pub const EOP_APP_KEY: &str = "test-appkey";
pub const APP_KEY: &str = "test-legacy-key";
pub const APP_SECRET: &str = "test-legacy-secret";
pub const HW_AK: &str = "TESTHWAK";
pub const HW_SK: &str = "test-hw-sk";
pub const PROJECT_ID: &str = "0123456789abcdef0123456789abcdef";
pub const REGION: &str = "cn-north-4";
/// GB 11643's published example number (valid check digit).
pub const ID_NUMBER: &str = "11010519491231002X";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/media")
        .join(name)
}

/// Media fixtures made by independent tools (Pillow, ffmpeg).
pub struct Fixtures {
    /// 640×480 JPEG, 25 KB: within every documented image limit (incl. the 10–40 KB portrait).
    pub jpeg: Vec<u8>,
    /// 2 s, 15 fps MP4.
    pub mp4: Vec<u8>,
    /// 8×6 BMP: too small for most operations.
    pub tiny_bmp: Vec<u8>,
}

impl Fixtures {
    pub fn load() -> Self {
        Fixtures {
            jpeg: std::fs::read(fixture("image_640x480_exif.jpg")).unwrap(),
            mp4: std::fs::read(fixture("video_2s_15fps.mp4")).unwrap(),
            tiny_bmp: std::fs::read(fixture("image_8x6.bmp")).unwrap(),
        }
    }
}

/// Valid parameters and media for `op`: required fields and the first member of
/// each `one_of` group; optional fields are left to their defaults.
pub fn sample_inputs<'a>(
    op: &Operation,
    fx: &'a Fixtures,
) -> (Map<String, Value>, Vec<(&'static str, Media<'a>)>) {
    let mut params = Map::new();
    let mut media = Vec::new();
    let first_of: Vec<&str> = op
        .one_of
        .iter()
        .filter_map(|g| g.first().copied())
        .collect();
    for f in op.fields {
        if !(f.required || first_of.contains(&f.name)) {
            continue;
        }
        let jpeg = Media::Bytes(&fx.jpeg);
        match f.kind {
            FieldKind::Image => media.push((f.name, jpeg)),
            FieldKind::ImageList
            | FieldKind::ImageSequence { .. }
            | FieldKind::UrlOrDataUriList => {
                for _ in 0..3 {
                    media.push((f.name, jpeg));
                }
            }
            FieldKind::UrlOrDataUriPairs => {
                for _ in 0..4 {
                    media.push((f.name, jpeg));
                }
            }
            FieldKind::Video => media.push((f.name, Media::Bytes(&fx.mp4))),
            FieldKind::Url => {
                params.insert(f.name.into(), json!("https://example.com/obs/video.mp4"));
            }
            FieldKind::Enum(values) => {
                params.insert(f.name.into(), json!(values[0]));
            }
            FieldKind::PolygonText | FieldKind::Polygon => {
                params.insert(
                    f.name.into(),
                    json!([[10, 10], [600, 10], [600, 400], [10, 400]]),
                );
            }
            FieldKind::Integer => {
                params.insert(f.name.into(), json!(1));
            }
            FieldKind::Number => {
                params.insert(f.name.into(), json!(0.5));
            }
            FieldKind::Bool => {
                params.insert(f.name.into(), json!(true));
            }
            FieldKind::Text => {
                let v = match f.name {
                    "service_code" => "svc0code1",
                    "idNum" => ID_NUMBER,
                    "fullName" => "张三",
                    n if n.ends_with("/password") => "iam-password",
                    "/auth/scope/project/name" => REGION,
                    _ => "sample",
                };
                params.insert(f.name.into(), json!(v));
            }
        }
    }
    (params, media)
}

type Responder =
    Box<dyn Fn(&HttpRequest, usize) -> Result<HttpResponse, TransportFailure> + Send + Sync>;

/// Records every request and answers with `responder(request, index)`.
pub struct FakeTransport {
    pub requests: Mutex<Vec<HttpRequest>>,
    responder: Responder,
}

impl FakeTransport {
    pub fn new(
        responder: impl Fn(&HttpRequest, usize) -> Result<HttpResponse, TransportFailure>
            + Send
            + Sync
            + 'static,
    ) -> Self {
        FakeTransport {
            requests: Mutex::new(Vec::new()),
            responder: Box::new(responder),
        }
    }

    /// Answers every request with its operation's documented example.
    pub fn documented() -> Self {
        FakeTransport::new(|req, _| Ok(documented_response(req)))
    }

    pub fn count(&self) -> usize {
        self.requests.lock().unwrap().len()
    }

    pub fn last(&self) -> HttpRequest {
        self.requests
            .lock()
            .unwrap()
            .last()
            .cloned()
            .expect("a request was sent")
    }
}

impl HttpTransport for FakeTransport {
    fn send(&self, req: &HttpRequest) -> Result<HttpResponse, TransportFailure> {
        let n = {
            let mut r = self.requests.lock().unwrap();
            r.push(req.clone());
            r.len() - 1
        };
        (self.responder)(req, n)
    }
}

/// The operation a request targets, by method and path (holes match one segment).
pub fn op_of(req: &HttpRequest) -> &'static Operation {
    let path = path_of(&req.url);
    cnvision::catalog::all()
        .iter()
        .find(|op| op.method == req.method && path_matches(op.path, &path))
        .unwrap_or_else(|| panic!("no operation for {} {}", req.method.as_str(), req.url))
}

fn path_matches(template: &str, path: &str) -> bool {
    let t: Vec<&str> = template.split('/').collect();
    let p: Vec<&str> = path.split('/').collect();
    t.len() == p.len() && t.iter().zip(&p).all(|(a, b)| a.starts_with('{') || a == b)
}

/// Path of an absolute URL, without query.
pub fn path_of(url: &str) -> String {
    let rest = url.split_once("://").map(|x| x.1).unwrap_or(url);
    let path = rest.find('/').map(|i| &rest[i..]).unwrap_or("/");
    path.split('?').next().unwrap().to_string()
}

/// Raw query of an absolute URL ("" when none).
pub fn query_of(url: &str) -> String {
    url.split_once('?')
        .map(|x| x.1.to_string())
        .unwrap_or_default()
}

pub fn json_response(status: u16, body: &str) -> HttpResponse {
    HttpResponse {
        status,
        headers: vec![("content-type".into(), "application/json".into())],
        body: body.as_bytes().to_vec(),
    }
}

/// The documented success answer of the request's operation (201 + token header for IAM).
pub fn documented_response(req: &HttpRequest) -> HttpResponse {
    let op = op_of(req);
    let mut r = json_response(200, op.response_example);
    if op.id == "huawei.iam.token" {
        r.status = 201;
        r.headers
            .push(("x-subject-token".into(), "token-abc".into()));
    }
    r
}

/// Checks the request's signature with the auth module's verify function for its scheme.
pub fn verify_signature(op: &Operation, req: &HttpRequest) {
    let headers: Vec<(&str, &str)> = req
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let path = path_of(&req.url);
    let raw_query = query_of(&req.url);
    let query = apig::verify::parse_raw_query(&raw_query);
    let query: Vec<(&str, &str)> = query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let signable = SignableRequest {
        method: req.method.as_str(),
        path: &path,
        query: &query,
        headers: &headers,
        body: SignableBody::Bytes(&req.body),
    };
    let now = SystemTime::now();
    match op.auth {
        AuthScheme::Eop => {
            let creds = eop::EopCredentials {
                access_key: EOP_AK.into(),
                secret_key: EOP_SK.into(),
                app_key: Some(EOP_APP_KEY.into()),
            };
            eop::verify(&signable, &creds, now, &eop::EopVerifyOptions::default())
                .expect("EOP signature verifies");
            assert_eq!(req.header("appkey"), Some(EOP_APP_KEY));
        }
        AuthScheme::CtyunMd5 => {
            let creds = ctyun_md5::Md5Credentials {
                app_key: APP_KEY.into(),
                app_secret: APP_SECRET.into(),
            };
            ctyun_md5::verify(&signable, &creds, now, Some(Duration::from_secs(900)))
                .expect("Sign verifies");
        }
        AuthScheme::CtyunHmac => {
            let creds = ctyun_hmac::HmacCredentials {
                app_key: APP_KEY.into(),
                app_secret: APP_SECRET.into(),
            };
            ctyun_hmac::verify(&signable, &creds, now, Some(Duration::from_secs(900)))
                .expect("CTYUN verifies");
        }
        AuthScheme::Huawei => {
            let rx = apig::ReceivedRequest {
                method: req.method.as_str(),
                raw_path: &path,
                raw_query: &raw_query,
                headers: &headers,
                body: &req.body,
            };
            apig::verify_request(&rx, |ak| (ak == HW_AK).then(|| HW_SK.into()))
                .expect("APIG signature verifies");
        }
        AuthScheme::None => {
            assert!(req.header("Authorization").is_none() && req.header("X-Auth-Token").is_none());
        }
    }
}

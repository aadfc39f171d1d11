//! Every case under tests/vectors/apig/ (discovered, never listed): each stage of our
//! APIG signer must equal what huaweicloudsdkcore produced, and our verifier must
//! accept the signed request.

use std::fs;
use std::path::{Path, PathBuf};

use base64::Engine;
use cnvision::auth::apig::{
    self, canonical, Algorithm, ApigCredentials, ApigSettings, ReceivedRequest,
};
use cnvision::auth::{SignableBody, SignableRequest};
use cnvision::SecretString;
use serde_json::Value;

fn vector_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/apig");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("input.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .expect("array of pairs")
        .iter()
        .map(|p| {
            (
                p[0].as_str().unwrap().to_owned(),
                p[1].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{}/{name}: {e}", dir.display()))
}

fn check_case(dir: &Path) {
    let input: Value = serde_json::from_str(&read(dir, "input.json")).unwrap();
    let alg = Algorithm::from_name(input["algorithm"].as_str().unwrap()).unwrap();
    let query = pairs(&input["query"]);
    let headers = pairs(&input["headers"]);
    let body = base64::engine::general_purpose::STANDARD
        .decode(
            input
                .get("body_base64")
                .and_then(Value::as_str)
                .unwrap_or(""),
        )
        .unwrap();
    let q: Vec<(&str, &str)> = query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let h: Vec<(&str, &str)> = headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let unsigned = input["unsigned_payload"].as_bool().unwrap_or(false);
    let req = SignableRequest {
        method: input["method"].as_str().unwrap(),
        path: input["path"].as_str().unwrap(),
        query: &q,
        headers: &h,
        body: if unsigned {
            SignableBody::Unsigned
        } else {
            SignableBody::Bytes(&body)
        },
    };
    let creds = ApigCredentials::new(input["ak"].as_str().unwrap(), input["sk"].as_str().unwrap());
    let mut settings = ApigSettings::new(alg, input["host"].as_str().unwrap());
    if let Some(pid) = input["project_id"].as_str() {
        settings = settings.with_project_id(pid);
    }
    if alg == Algorithm::V11HmacSha256 {
        settings = settings.with_derived_scope(
            input["region_id"].as_str().unwrap(),
            input["service_name"].as_str().unwrap(),
        );
    }
    let time = apig::sign::parse_sdk_date(input["time"].as_str().unwrap()).unwrap();
    let name = dir.display();

    // Stage checks against the SDK's captured values.
    let expected_cr = read(dir, "canonical_request.txt");
    let mut lines = expected_cr.split('\n');
    assert_eq!(
        lines.next(),
        Some(req.method.to_uppercase().as_str()),
        "{name}: method"
    );
    assert_eq!(
        lines.next(),
        Some(canonical::canonical_uri(req.path).unwrap().as_str()),
        "{name}: uri"
    );
    assert_eq!(
        lines.next(),
        Some(canonical::canonical_query(&q).as_str()),
        "{name}: query"
    );
    let out = apig::sign(&req, &creds, &settings, time).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(
        out.canonical_request, expected_cr,
        "{name}: canonical request"
    );
    assert_eq!(
        out.string_to_sign,
        read(dir, "string_to_sign.txt"),
        "{name}: string to sign"
    );
    let expected_headers = pairs(&serde_json::from_str(&read(dir, "headers.json")).unwrap());
    assert_eq!(out.headers, expected_headers, "{name}: added headers");
    let auth = read(dir, "authorization.txt");
    assert_eq!(
        out.header("Authorization"),
        Some(auth.as_str()),
        "{name}: authorization"
    );
    assert!(auth.ends_with(&out.signature), "{name}: signature");
    if dir.join("published_authorization.txt").is_file() {
        assert_eq!(
            auth,
            read(dir, "published_authorization.txt"),
            "{name}: published value"
        );
    }

    // The emulator side accepts what the SDK produced (wire form of path and query).
    let mut all = h.clone();
    all.extend(
        expected_headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str())),
    );
    let raw_path = encode_path(req.path);
    let raw_query = canonical::canonical_query(&q);
    let rx = ReceivedRequest {
        method: req.method,
        raw_path: &raw_path,
        raw_query: &raw_query,
        headers: &all,
        body: &body,
    };
    let sk = input["sk"].as_str().unwrap().to_owned();
    let verified = apig::verify_request(&rx, |ak| {
        (ak == creds.ak).then(|| SecretString::new(sk.clone()))
    })
    .unwrap_or_else(|e| panic!("{name}: verify: {e}"));
    assert_eq!(
        verified.string_to_sign, out.string_to_sign,
        "{name}: verify stages"
    );
}

/// The path as it goes on the wire: each segment percent-encoded.
fn encode_path(path: &str) -> String {
    path.split('/')
        .map(cnvision::auth::encode::rfc3986)
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn apig_vectors() {
    let dirs = vector_dirs();
    assert!(!dirs.is_empty(), "no APIG vector directories found");
    let mut per_alg = std::collections::BTreeMap::new();
    for dir in &dirs {
        check_case(dir);
        let input: Value = serde_json::from_str(&read(dir, "input.json")).unwrap();
        *per_alg
            .entry(input["algorithm"].as_str().unwrap().to_owned())
            .or_insert(0) += 1;
    }
    for alg in Algorithm::ALL {
        assert!(
            per_alg.get(alg.name()).copied().unwrap_or(0) >= 20,
            "fewer than 20 {alg} cases"
        );
    }
    let published = dirs
        .iter()
        .filter(|d| d.join("published_authorization.txt").is_file())
        .count();
    assert!(published >= 6, "published vectors missing");
    println!(
        "checked {} APIG vectors {per_alg:?}, {published} published",
        dirs.len()
    );
}

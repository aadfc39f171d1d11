//! Project-id lookup by region name: `GET /v3/projects?name={region}`, its parser and a
//! per-region cache.

use std::collections::HashMap;
use std::sync::Mutex;

use super::{status_error, IamRequest};
use crate::error::{Error, ErrorKind, Result};
use crate::secret::SecretBytes;

/// Build `GET /v3/projects?name={region}`. Credentials are not included: add
/// `X-Auth-Token`, or sign it with [`crate::auth::apig::sign`] (as huaweicloudsdkcore does).
/// Errors (`InvalidInput`): an empty region.
pub fn project_request(region: &str) -> Result<IamRequest> {
    if region.is_empty() {
        return Err(Error::invalid_input("region", "must not be empty"));
    }
    Ok(IamRequest {
        method: "GET",
        path: "/v3/projects",
        query: vec![("name".to_owned(), region.to_owned())],
        headers: vec![(
            "Content-Type".to_owned(),
            "application/json;charset=utf8".to_owned(),
        )],
        body: SecretBytes::new(Vec::new()),
    })
}

/// The id of the project named `region` in a `/v3/projects` response.
/// Errors: 401/403 → `Authentication`; other non-2xx → `Service`; a body without a
/// `projects` array or entries without string `id`/`name` → `Protocol`; no project of
/// that name → `Configuration` (the account has no project in that region).
pub fn parse_projects_response(status: u16, body: &[u8], region: &str) -> Result<String> {
    if !(200..300).contains(&status) {
        return Err(status_error(status, body, "IAM project lookup failed"));
    }
    let v: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
        Error::new(
            ErrorKind::Protocol,
            format!("IAM projects response is not JSON: {e}"),
        )
    })?;
    let projects = v["projects"]
        .as_array()
        .ok_or_else(|| Error::protocol("IAM projects response has no `projects` array"))?;
    for p in projects {
        let (Some(name), Some(id)) = (p["name"].as_str(), p["id"].as_str()) else {
            return Err(Error::protocol(
                "IAM project entry without string `name` and `id`",
            ));
        };
        if name == region && !id.is_empty() {
            return Ok(id.to_owned());
        }
    }
    Err(Error::config(format!(
        "no IAM project named `{region}` in this account"
    )))
}

/// Project ids by region, fetched once per region. `Send + Sync`. The lock is held while
/// `fetch` runs, so concurrent first lookups never fetch twice (lookups are rare).
#[derive(Debug, Default)]
pub struct ProjectCache {
    ids: Mutex<HashMap<String, String>>,
}

impl ProjectCache {
    pub fn new() -> Self {
        ProjectCache::default()
    }

    /// The cached id for `region`, or the one `fetch(region)` returns (cached on success).
    pub fn get(&self, region: &str, fetch: impl FnOnce(&str) -> Result<String>) -> Result<String> {
        let mut ids = self.ids.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(id) = ids.get(region) {
            return Ok(id.clone());
        }
        let id = fetch(region)?;
        ids.insert(region.to_owned(), id.clone());
        Ok(id)
    }

    /// Drop the cached id of `region`.
    pub fn invalidate(&self, region: &str) {
        self.ids
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(region);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    const MANUAL: &[u8] = br#"{"projects": [{"domain_id": "65382450e8f64ac0870cd180d14e684b", "is_domain": false,
        "name": "cn-north-4", "description": "", "id": "a4a5d4098fb4474fa22cd05f897d6b99", "enabled": true}],
        "links": {"next": null, "previous": null, "self": "https://www.example.com/v3/projects"}}"#;

    #[test]
    fn request_and_manual_response() {
        let r = project_request("cn-north-4").unwrap();
        assert_eq!((r.method, r.path), ("GET", "/v3/projects"));
        assert_eq!(r.query, vec![("name".to_owned(), "cn-north-4".to_owned())]);
        assert!(project_request("").is_err());
        assert_eq!(
            parse_projects_response(200, MANUAL, "cn-north-4").unwrap(),
            "a4a5d4098fb4474fa22cd05f897d6b99"
        );
    }

    #[test]
    fn response_errors() {
        assert_eq!(
            parse_projects_response(200, MANUAL, "cn-east-3")
                .unwrap_err()
                .kind(),
            ErrorKind::Configuration
        );
        assert_eq!(
            parse_projects_response(200, b"[]", "r").unwrap_err().kind(),
            ErrorKind::Protocol
        );
        assert_eq!(
            parse_projects_response(200, b"<html>", "r")
                .unwrap_err()
                .kind(),
            ErrorKind::Protocol
        );
        assert_eq!(
            parse_projects_response(200, br#"{"projects":[{"name":1}]}"#, "r")
                .unwrap_err()
                .kind(),
            ErrorKind::Protocol
        );
        let e = parse_projects_response(403, br#"{"error_code":"IAM.0002","error_msg":"no"}"#, "r")
            .unwrap_err();
        assert_eq!(
            (e.kind(), e.provider_code()),
            (ErrorKind::Authentication, Some("IAM.0002"))
        );
    }

    #[test]
    fn cache_fetches_once_per_region_across_threads() {
        let cache = Arc::new(ProjectCache::new());
        let calls = Arc::new(AtomicUsize::new(0));
        let handles: Vec<_> = (0..6)
            .map(|i| {
                let (cache, calls) = (cache.clone(), calls.clone());
                std::thread::spawn(move || {
                    let region = if i % 2 == 0 {
                        "cn-north-4"
                    } else {
                        "ap-southeast-1"
                    };
                    cache
                        .get(region, |r| {
                            calls.fetch_add(1, Ordering::SeqCst);
                            Ok(format!("id-{r}"))
                        })
                        .unwrap()
                })
            })
            .collect();
        for h in handles {
            assert!(h.join().unwrap().starts_with("id-"));
        }
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        assert!(cache.get("x", |_| Err(Error::protocol("down"))).is_err());
        assert_eq!(cache.get("x", |_| Ok("idx".into())).unwrap(), "idx");
        cache.invalidate("x");
        assert_eq!(cache.get("x", |_| Ok("idy".into())).unwrap(), "idy");
    }
}

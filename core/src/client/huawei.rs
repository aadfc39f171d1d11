//! Huawei credentials of a call: AK/SK when configured, else an IAM token from the
//! refresh-ahead [`TokenCache`] (fetched through this client's own transport); and
//! the `{project_id}` of image paths, from the configuration or the IAM project
//! look-up cached per region.

use super::sign::HuaweiCredential;
use super::Client;
use crate::auth::iam::{self, PasswordAuth, ProjectCache, TokenCache, TokenScope};
use crate::catalog::{AuthScheme, Operation};
use crate::error::{Error, Result};
use crate::transport::HttpRequest;
use serde_json::{Map, Value};

/// Per-client Huawei caches. `Send + Sync`.
#[derive(Debug, Default)]
pub(crate) struct HuaweiState {
    pub tokens: TokenCache,
    pub projects: ProjectCache,
}

impl Client {
    /// How `op` is authenticated when it is a Huawei operation (`None` otherwise).
    pub(super) fn huawei_credential(&self, op: &Operation) -> Result<Option<HuaweiCredential>> {
        if op.auth != AuthScheme::Huawei {
            return Ok(None);
        }
        if self.config.huawei_aksk().is_some() {
            return Ok(Some(HuaweiCredential::AkSk));
        }
        if self.config.huawei_iam_password().is_some() {
            let token = self.huawei.tokens.get(|| self.fetch_token())?;
            return Ok(Some(HuaweiCredential::Token(token)));
        }
        Err(Error::config(format!(
            "{} needs Huawei AK/SK (HUAWEICLOUD_SDK_AK/SK) or an IAM password identity \
             (HUAWEICLOUD_IAM_USERNAME/PASSWORD/DOMAIN)",
            op.id
        )))
    }

    /// The project id of `{project_id}` paths: configured, or looked up by region.
    pub(super) fn project_id(&self) -> Result<String> {
        if let Some(id) = self.config.huawei_project_id() {
            return Ok(id.to_string());
        }
        let region = self.region("the project id look-up")?;
        self.huawei.projects.get(&region, |r| self.fetch_project(r))
    }

    fn region(&self, purpose: &str) -> Result<String> {
        self.config
            .huawei_region()
            .map(str::to_string)
            .ok_or_else(|| {
                Error::config(format!(
                "{purpose} needs a Huawei region (with_huawei_region or HUAWEICLOUD_SDK_REGION)"
            ))
            })
    }

    /// `POST /v3/auth/tokens` with the configured password identity, scoped to the
    /// region's project. The request body (it holds the password) is wiped after use.
    fn fetch_token(&self) -> Result<iam::IamToken> {
        let id = self
            .config
            .huawei_iam_password()
            .ok_or_else(|| Error::config("no Huawei IAM password identity configured"))?;
        let auth = PasswordAuth {
            user_name: id.user.clone(),
            password: id.password.clone(),
            domain_name: id.domain.clone(),
            scope: TokenScope::ProjectName(self.region("the IAM token")?),
        };
        let iam_req = iam::token_request(&auth)?;
        let base = self.config.base_url(crate::catalog::Gateway::HuaweiIam)?;
        let mut req = HttpRequest {
            method: crate::catalog::Method::Post,
            url: format!("{base}{}", iam_req.path),
            headers: iam_req.headers.clone(),
            body: iam_req.body.expose().to_vec(),
        };
        let sent = self
            .config
            .retry()
            .run(&*self.clock, |_| self.transport.send(&req));
        zeroize::Zeroize::zeroize(&mut req.body);
        let http = sent.map_err(Error::from)?;
        let headers: Vec<(&str, &str)> = http
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        iam::parse_token_response(http.status, &headers, &http.body)
    }

    /// `GET /v3/projects?name={region}` through the catalog operation
    /// `huawei.iam.projects` (so it is signed and retried like any call).
    fn fetch_project(&self, region: &str) -> Result<String> {
        let op = super::find("huawei.iam.projects")?;
        let mut params = Map::new();
        params.insert("name".to_string(), Value::from(region));
        super::local_checks(op, &params, &[])?;
        let cred = self.huawei_credential(op)?;
        let ex = self.exchange(
            op,
            &params,
            &[],
            &super::CallOptions::default(),
            cred.as_ref(),
        )?;
        iam::parse_projects_response(ex.http.status, &ex.http.body, region)
            .map_err(|e| e.with_request_id(ex.request_id))
    }
}

//! Huawei IAM (manual 004 §3, §7.4). The client fetches and caches tokens and
//! project ids by itself; these methods expose the two calls directly.

use super::{de, decode, group_options, ids, Group, Params};
use crate::error::{Error, Result};
use crate::secret::SecretString;
use serde::Deserialize;

/// IAM operations. Obtain with [`crate::Client::huawei_iam`].
#[derive(Debug, Clone)]
pub struct HuaweiIam<'c>(pub(super) Group<'c>);
group_options!(HuaweiIam);

/// A project-scoped IAM token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IamTokenGrant {
    /// The `X-Subject-Token` value (redacted in `Debug`).
    pub token: SecretString,
    /// `token.expires_at` as sent (ISO 8601 UTC), if present.
    pub expires_at: Option<String>,
}

/// One IAM project.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Project {
    #[serde(deserialize_with = "de::string_lenient")]
    pub id: String,
    #[serde(deserialize_with = "de::string_lenient")]
    pub name: String,
    #[serde(default, deserialize_with = "de::string_lenient")]
    pub domain_id: String,
    #[serde(default)]
    pub enabled: Option<bool>,
}

#[derive(Deserialize)]
struct Projects {
    #[serde(default, deserialize_with = "de::null_default")]
    projects: Vec<Project>,
}

impl HuaweiIam<'_> {
    /// A token for `user` of account `domain`, scoped to project `project_name`
    /// (e.g. the region `cn-north-4`) (`huawei.iam.token`).
    pub fn token(
        &self,
        user: &str,
        password: &SecretString,
        domain: &str,
        project_name: &str,
    ) -> Result<IamTokenGrant> {
        let p = Params::default()
            .set("/auth/identity/password/user/name", user)
            .set("/auth/identity/password/user/password", password.expose())
            .set("/auth/identity/password/user/domain/name", domain)
            .set("/auth/scope/project/name", project_name);
        let response = self.0.raw(ids::HUAWEI_IAM_TOKEN, &p.0, &[])?;
        let token = response
            .subject_token
            .clone()
            .ok_or_else(|| Error::protocol("huawei.iam.token: no X-Subject-Token header"))?;
        let expires_at = response
            .body
            .pointer("/token/expires_at")
            .and_then(|v| v.as_str())
            .map(str::to_string);
        Ok(IamTokenGrant { token, expires_at })
    }

    /// Projects of the account, optionally only the one named `name` (`huawei.iam.projects`).
    pub fn projects(&self, name: Option<&str>) -> Result<Vec<Project>> {
        let p = Params::default().opt("name", name);
        let response = self.0.raw(ids::HUAWEI_IAM_PROJECTS, &p.0, &[])?;
        let list: Projects = decode(&response, response.body.clone())?;
        Ok(list.projects)
    }
}

//! Emulator configuration and the fixed, documented test credentials.
//!
//! These credentials are public test values: they unlock nothing but this emulator.

/// CTyun EOP access key (`ctyun-eop-ak`), manuals 000 and 002.
pub const EOP_AK: &str = "emu0eop0ak0000000000000000000001";
/// CTyun EOP secret key (`ctyun-eop-sk`).
pub const EOP_SK: &str = "emu0eop0sk0000000000000000000001";
/// CTyun AI platform application key (`appkey` header).
pub const EOP_APP_KEY: &str = "emu0appkey00000000000000000000001";
/// Legacy CTyun AppKey: `Sign` MD5 gateway (manual 001) and 2019 `CTYUN` HMAC API (manual 003).
pub const LEGACY_APP_KEY: &str = "emu-legacy-appkey";
/// Legacy CTyun AppSecret matching [`LEGACY_APP_KEY`].
pub const LEGACY_APP_SECRET: &str = "emu-legacy-appsecret";
/// Huawei Cloud access key id.
pub const HUAWEI_AK: &str = "EMUHUAWEIAK0000000001";
/// Huawei Cloud secret access key.
pub const HUAWEI_SK: &str = "emuHuaweiSecretKey00000000000000000000001";
/// Huawei project id (the `{project_id}` of every image path).
pub const HUAWEI_PROJECT_ID: &str = "0e8b8c0a1f2d4e5f8a9b0c1d2e3f4a5b";
/// Huawei region (the project name `/v3/projects?name=` looks up).
pub const HUAWEI_REGION: &str = "cn-north-4";
/// IAM user name for `/v3/auth/tokens` password identity.
pub const IAM_USER: &str = "emu-iam-user";
/// IAM password for [`IAM_USER`].
pub const IAM_PASSWORD: &str = "emu-iam-password";
/// IAM account (domain) name of [`IAM_USER`].
pub const IAM_DOMAIN: &str = "emu-iam-domain";
/// The emulator's SM2 private key (sm2p256v1 scalar, hex). Its public key is
/// [`SM2_PUBLIC_KEY_SPKI_B64`]; clients seal `decrypted: true` bodies to it.
pub const SM2_PRIVATE_KEY_HEX: &str =
    "3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8";
/// Base64 of the X.509 SubjectPublicKeyInfo DER of the emulator's SM2 public key,
/// the form the CTyun console shows.
pub const SM2_PUBLIC_KEY_SPKI_B64: &str = "MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAECfnfMR5UIaFQ3X0WHkvFxnIXn60YM/wHa7CP81bzUCDM6kkM4md1pS3G6nGMwapgCu0F+/NeCEpmMvYHLamtEw==";

/// Everything the emulator checks requests against. `Default` uses the constants above.
#[derive(Clone)]
pub struct EmulatorConfig {
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Worker threads serving connections (each handles one connection at a time).
    pub workers: usize,
    /// Largest request body accepted, bytes.
    pub max_body_bytes: usize,
    /// Seconds added to the emulator's clock when judging request dates (tests).
    pub clock_offset_secs: i64,
    /// How far `eop-date` / `Timestamp` / `X-CTYUN-DT` / `X-Sdk-Date` may be from
    /// the emulator's clock, seconds (the EOP gateway's documented 15 minutes).
    pub date_window_secs: u64,
    /// Lifetime of tokens issued by `/v3/auth/tokens`, seconds (24 h).
    pub token_ttl_secs: u64,
    /// Idle time after which a keep-alive connection is closed, milliseconds.
    pub keep_alive_ms: u64,
    pub eop_ak: String,
    pub eop_sk: String,
    pub eop_app_key: String,
    pub legacy_app_key: String,
    pub legacy_app_secret: String,
    pub huawei_ak: String,
    pub huawei_sk: String,
    pub huawei_project_id: String,
    pub huawei_region: String,
    pub iam_user: String,
    pub iam_password: String,
    pub iam_domain: String,
    /// SM2 private scalar, hex.
    pub sm2_private_key_hex: String,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        EmulatorConfig {
            port: 0,
            workers: 16,
            max_body_bytes: 512 * 1024 * 1024,
            clock_offset_secs: 0,
            date_window_secs: 15 * 60,
            token_ttl_secs: 24 * 3600,
            keep_alive_ms: 2_000,
            eop_ak: EOP_AK.into(),
            eop_sk: EOP_SK.into(),
            eop_app_key: EOP_APP_KEY.into(),
            legacy_app_key: LEGACY_APP_KEY.into(),
            legacy_app_secret: LEGACY_APP_SECRET.into(),
            huawei_ak: HUAWEI_AK.into(),
            huawei_sk: HUAWEI_SK.into(),
            huawei_project_id: HUAWEI_PROJECT_ID.into(),
            huawei_region: HUAWEI_REGION.into(),
            iam_user: IAM_USER.into(),
            iam_password: IAM_PASSWORD.into(),
            iam_domain: IAM_DOMAIN.into(),
            sm2_private_key_hex: SM2_PRIVATE_KEY_HEX.into(),
        }
    }
}

impl std::fmt::Debug for EmulatorConfig {
    /// Secrets are redacted even though they are test values, so logs never teach
    /// anyone to print real ones.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmulatorConfig")
            .field("port", &self.port)
            .field("workers", &self.workers)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("clock_offset_secs", &self.clock_offset_secs)
            .field("date_window_secs", &self.date_window_secs)
            .field("token_ttl_secs", &self.token_ttl_secs)
            .field("eop_ak", &self.eop_ak)
            .field("eop_app_key", &self.eop_app_key)
            .field("legacy_app_key", &self.legacy_app_key)
            .field("huawei_ak", &self.huawei_ak)
            .field("huawei_project_id", &self.huawei_project_id)
            .field("huawei_region", &self.huawei_region)
            .field("iam_user", &self.iam_user)
            .field("iam_domain", &self.iam_domain)
            .field("secrets", &"** REDACTED **")
            .finish()
    }
}

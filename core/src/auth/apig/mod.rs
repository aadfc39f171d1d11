//! Huawei Cloud APIG AK/SK signing: `SDK-HMAC-SHA256`, `SDK-HMAC-SM3` and
//! `V11-HMAC-SHA256`, byte-identical to PyPI huaweicloudsdkcore's `Signer`,
//! `SM3Signer` and `DerivationAKSKSigner`, plus the server-side check the emulator uses.
//!
//! [`sign`] is a pure function of (request parts, credentials, settings, time); the
//! stage functions in [`canonical`] and [`key`] are public so tests check each stage.

pub mod algorithm;
pub mod canonical;
pub mod key;
pub mod sign;
pub mod verify;

pub use algorithm::Algorithm;
pub use sign::{sign, ApigCredentials, ApigSettings, DerivedScope};
pub use verify::{
    parse_authorization, verify, verify_request, Mismatch, ParsedAuthorization, ReceivedRequest,
    Verified,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::{SignableBody, SignableRequest};
    use crate::secret::SecretString;
    use std::time::{Duration, SystemTime};

    fn t() -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_591_583_940) // 2020-06-08T02:39:00Z
    }

    fn settings(alg: Algorithm) -> ApigSettings {
        ApigSettings::new(alg, "service.endpoint.myhuaweicloud.com")
            .with_derived_scope("test-region-1", "demo")
    }

    #[test]
    fn sign_then_verify_round_trip_and_tamper() {
        let creds = ApigCredentials::new("AccessKey", "SecretKey");
        for alg in Algorithm::ALL {
            let st = settings(alg).with_project_id("ProjectId");
            let headers = [("Content-Type", "application/json")];
            let req = SignableRequest {
                method: "POST",
                path: "/v2/a b/中",
                query: &[("q", "x y"), ("e", "")],
                headers: &headers,
                body: SignableBody::Bytes(b"{\"a\":1}"),
            };
            let out = sign(&req, &creds, &st, t()).unwrap();
            assert_eq!(out.header("X-Sdk-Date"), Some("20200608T023900Z"));
            assert_eq!(out.header("X-Project-Id"), Some("ProjectId"));
            assert!(out.header("Authorization").unwrap().starts_with(alg.name()));
            let mut all: Vec<(&str, &str)> = headers.to_vec();
            all.extend(out.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())));
            let rx = ReceivedRequest {
                method: "POST",
                raw_path: "/v2/a%20b/%E4%B8%AD",
                raw_query: "e=&q=x%20y",
                headers: &all,
                body: b"{\"a\":1}",
            };
            let sk = || Some(SecretString::new("SecretKey"));
            let ok = verify_request(&rx, |_| sk()).unwrap();
            assert_eq!(ok.canonical_request, out.canonical_request);
            assert_eq!(ok.string_to_sign, out.string_to_sign);

            let wrong = verify_request(&rx, |_| Some(SecretString::new("other")));
            assert_eq!(wrong.unwrap_err(), Mismatch::SignatureMismatch);
            let body_tampered = ReceivedRequest {
                body: b"{\"a\":2}",
                ..rx
            };
            assert_eq!(
                verify_request(&body_tampered, |_| sk()).unwrap_err(),
                Mismatch::SignatureMismatch
            );
            let unknown = verify_request(&rx, |_| None).unwrap_err();
            assert_eq!(unknown, Mismatch::UnknownAccessKey("AccessKey".into()));
            let no_pid: Vec<_> = all
                .iter()
                .copied()
                .filter(|(n, _)| *n != "X-Project-Id")
                .collect();
            let rx2 = ReceivedRequest {
                headers: &no_pid,
                ..rx
            };
            assert_eq!(
                verify_request(&rx2, |_| sk()).unwrap_err(),
                Mismatch::SignedHeaderMissing("x-project-id".into())
            );
            let e: crate::Error = Mismatch::SignatureMismatch.into();
            assert_eq!(e.kind(), crate::ErrorKind::Authentication);
        }
    }

    #[test]
    fn unsigned_payload_and_errors() {
        let creds = ApigCredentials::new("ak", "sk");
        let req = SignableRequest {
            method: "PUT",
            path: "/x",
            query: &[],
            headers: &[],
            body: SignableBody::Unsigned,
        };
        let out = sign(&req, &creds, &settings(Algorithm::SdkHmacSm3), t()).unwrap();
        assert_eq!(out.header("X-Sdk-Content-Sm3"), Some("UNSIGNED-PAYLOAD"));
        assert!(out.canonical_request.ends_with("\nUNSIGNED-PAYLOAD"));

        let v11 = ApigSettings::new(Algorithm::V11HmacSha256, "h");
        assert_eq!(
            sign(&req, &creds, &v11, t()).unwrap_err().kind(),
            crate::ErrorKind::InvalidInput
        );
        let no_host = ApigSettings {
            host: None,
            ..ApigSettings::new(Algorithm::SdkHmacSha256, "")
        };
        assert!(sign(&req, &creds, &no_host, t()).is_err());
        let bad_date = [("X-Sdk-Date", "2020-06-08")];
        let req2 = SignableRequest {
            headers: &bad_date,
            ..req
        };
        assert!(sign(&req2, &creds, &settings(Algorithm::SdkHmacSha256), t()).is_err());
        let empty_sk = ApigCredentials::new("ak", "");
        assert!(sign(&req, &empty_sk, &settings(Algorithm::SdkHmacSha256), t()).is_err());
        assert!(
            format!("{creds:?}").contains("REDACTED") && !format!("{creds:?}").contains("\"sk\"")
        );
    }

    #[test]
    fn far_future_time_is_invalid_input_not_a_panic() {
        let creds = ApigCredentials::new("ak", "sk");
        let req = SignableRequest {
            method: "GET",
            path: "/x",
            query: &[],
            headers: &[],
            body: SignableBody::Bytes(b""),
        };
        let far = SystemTime::UNIX_EPOCH + Duration::from_secs(400_000_000_000);
        for alg in Algorithm::ALL {
            let e = sign(&req, &creds, &settings(alg), far).unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::InvalidInput);
            assert!(e.message().contains("time"), "{}", e.message());
        }
    }

    #[test]
    fn authorization_parsing() {
        let p = parse_authorization(
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=ab12",
        )
        .unwrap();
        assert_eq!(p.access_key, "AK");
        assert_eq!(p.signed_headers, vec!["host", "x-sdk-date"]);
        let v = parse_authorization(
            "V11-HMAC-SHA256 Credential=AK/20200608/r1/demo, SignedHeaders=host;x-sdk-date, Signature=ab",
        )
        .unwrap();
        let (day, scope) = v.scope.unwrap();
        assert_eq!(
            (
                day.as_str(),
                scope.region_id.as_str(),
                scope.service_name.as_str()
            ),
            ("20200608", "r1", "demo")
        );
        for bad in [
            "",
            "SDK-HMAC-SHA256",
            "HMAC Access=a, SignedHeaders=host, Signature=00",
            "SDK-HMAC-SHA256 Access=, SignedHeaders=host, Signature=00",
            "SDK-HMAC-SHA256 Access=a, SignedHeaders=x-b;host, Signature=00",
            "SDK-HMAC-SHA256 Access=a, SignedHeaders=host, Signature=zz",
            "SDK-HMAC-SHA256 Access=a, SignedHeaders=host, Signature=00, X=1",
            "V11-HMAC-SHA256 Credential=a/2020/r, SignedHeaders=host, Signature=00",
        ] {
            assert!(parse_authorization(bad).is_err(), "{bad}");
        }
        let now = t();
        assert!(verify::check_sdk_date(
            now,
            now + Duration::from_secs(60),
            Duration::from_secs(900)
        )
        .is_ok());
        assert_eq!(
            verify::check_sdk_date(
                now,
                now + Duration::from_secs(901),
                Duration::from_secs(900)
            ),
            Err(Mismatch::SdkDateOutOfRange)
        );
    }
}

//! SubjectPublicKeyInfo parsing for SM2, including the explicit-parameters form.
//!
//! The `sm2` crate only accepts the named-curve form (`id-ecPublicKey` +
//! OID sm2p256v1). Java keys built from an unnamed BouncyCastle `ECParameterSpec`
//! carry the whole curve (X9.62 `ECParameters`) instead of the OID. We walk that
//! structure with the `der` crate's reader, require every parameter to equal
//! sm2p256v1's, and return the point octets from the BIT STRING.

use crate::{Error, Result};
use sm2::pkcs8::der::asn1::{BitStringRef, ObjectIdentifier, OctetStringRef, UintRef};
use sm2::pkcs8::der::{Decode, Reader, SliceReader, Tag};

const ID_EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const SM2P256V1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.156.10197.1.301");
const PRIME_FIELD: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.1.1");

/// sm2p256v1 domain parameters (GB/T 32918.5-2017, §A).
const P: &str = "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF";
const A: &str = "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC";
const B: &str = "28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93";
const N: &str = "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123";
const GX: &str = "32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7";
const GY: &str = "BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0";

/// Why a SubjectPublicKeyInfo was refused; `der`'s reader needs `From<der::Error>`.
enum Fail {
    Der,
    Bad(&'static str),
}

impl From<sm2::pkcs8::der::Error> for Fail {
    fn from(_: sm2::pkcs8::der::Error) -> Self {
        Fail::Der
    }
}

impl From<Fail> for Error {
    fn from(fail: Fail) -> Self {
        let what = match fail {
            Fail::Der => "is not well-formed DER",
            Fail::Bad(what) => what,
        };
        Error::config(format!("SM2 public key: SubjectPublicKeyInfo {what}"))
    }
}

type Checked<T> = std::result::Result<T, Fail>;

/// Big-endian integers compared without leading zero bytes.
fn same_number(bytes: &[u8], hex_value: &str) -> bool {
    let strip = |b: &[u8]| -> Vec<u8> {
        let first = b.iter().position(|&x| x != 0).unwrap_or(b.len());
        b[first..].to_vec()
    };
    match hex::decode(hex_value) {
        Ok(expected) => strip(bytes) == strip(&expected),
        Err(_) => false,
    }
}

/// The SEC1 point octets of an SM2 SubjectPublicKeyInfo (named or explicit form).
pub(super) fn point_from_spki(der: &[u8]) -> Result<&[u8]> {
    Ok(walk_spki(der)?)
}

fn walk_spki(der: &[u8]) -> Checked<&[u8]> {
    let mut reader = SliceReader::new(der)?;
    let point = reader.sequence(|spki| -> Checked<&[u8]> {
        spki.sequence(|alg| -> Checked<()> {
            let oid = ObjectIdentifier::decode(alg)?;
            if oid != ID_EC_PUBLIC_KEY {
                return Err(Fail::Bad("algorithm is not id-ecPublicKey"));
            }
            match Tag::peek(alg)? {
                Tag::ObjectIdentifier => {
                    let curve = ObjectIdentifier::decode(alg)?;
                    if curve != SM2P256V1 {
                        return Err(Fail::Bad("names a curve other than sm2p256v1"));
                    }
                    Ok(())
                }
                Tag::Sequence => check_explicit_parameters(alg),
                _ => Err(Fail::Bad("has unsupported curve parameters")),
            }
        })?;
        let bits = BitStringRef::decode(spki)?;
        bits.as_bytes()
            .ok_or(Fail::Bad("key BIT STRING has unused bits"))
    })?;
    reader
        .finish()
        .map_err(|_| Fail::Bad("has trailing data"))?;
    Ok(point)
}

/// X9.62 `ECParameters` (RFC 3279 §2.3.5) must describe exactly sm2p256v1.
fn check_explicit_parameters<'a, R: Reader<'a>>(reader: &mut R) -> Checked<()> {
    reader.sequence(|params| -> Checked<()> {
        let version = u8::decode(params)?;
        if version != 1 {
            return Err(Fail::Bad("ECParameters version is not 1"));
        }
        params.sequence(|field| -> Checked<()> {
            let field_type = ObjectIdentifier::decode(field)?;
            let p = UintRef::decode(field)?;
            if field_type != PRIME_FIELD || !same_number(p.as_bytes(), P) {
                return Err(Fail::Bad("field is not sm2p256v1's prime field"));
            }
            Ok(())
        })?;
        params.sequence(|curve| -> Checked<()> {
            let a = <&OctetStringRef>::decode(curve)?;
            let b = <&OctetStringRef>::decode(curve)?;
            if !same_number(a.as_bytes(), A) || !same_number(b.as_bytes(), B) {
                return Err(Fail::Bad("curve coefficients are not sm2p256v1's"));
            }
            if !curve.is_finished() {
                // Optional seed BIT STRING: informational only.
                BitStringRef::decode(curve)?;
            }
            Ok(())
        })?;
        let base = <&OctetStringRef>::decode(params)?.as_bytes();
        let uncompressed = format!("04{GX}{GY}");
        let compressed = format!("02{GX}"); // GY is even
        let base_hex = hex::encode_upper(base);
        if base_hex != uncompressed && base_hex != compressed {
            return Err(Fail::Bad("base point is not sm2p256v1's generator"));
        }
        let order = UintRef::decode(params)?;
        if !same_number(order.as_bytes(), N) {
            return Err(Fail::Bad("order is not sm2p256v1's"));
        }
        if !params.is_finished() {
            let cofactor = UintRef::decode(params)?;
            if !same_number(cofactor.as_bytes(), "01") {
                return Err(Fail::Bad("cofactor is not 1"));
            }
        }
        Ok(())
    })
}

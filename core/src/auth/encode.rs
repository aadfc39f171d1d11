//! RFC 3986 percent-encoding shared by the signers.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but the unreserved set `A-Za-z0-9-_.~` is encoded.
pub const RFC3986: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encode `s` (UTF-8) per RFC 3986, upper-case hex.
pub fn rfc3986(s: &str) -> String {
    utf8_percent_encode(s, RFC3986).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreserved_kept_rest_encoded() {
        assert_eq!(rfc3986("aZ09-_.~"), "aZ09-_.~");
        assert_eq!(rfc3986("a b+c/=&"), "a%20b%2Bc%2F%3D%26");
        assert_eq!(rfc3986("中"), "%E4%B8%AD");
    }
}

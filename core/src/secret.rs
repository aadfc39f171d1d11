//! Secret strings and bytes: zeroized on drop, redacted in `Debug`.

use std::fmt;
use zeroize::Zeroizing;

/// The text every `Debug` of a secret prints.
pub const REDACTED: &str = "** REDACTED **";

/// A secret string (SK, AppSecret, password, token). Owned; wiped on drop.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretString(Zeroizing<String>);

impl SecretString {
    pub fn new(value: impl Into<String>) -> Self {
        SecretString(Zeroizing::new(value.into()))
    }
    /// The secret itself. Callers must not log or format it.
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl From<&str> for SecretString {
    fn from(value: &str) -> Self {
        SecretString::new(value)
    }
}

impl From<String> for SecretString {
    fn from(value: String) -> Self {
        SecretString::new(value)
    }
}

/// Secret key bytes (session keys). Owned; wiped on drop.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretBytes(Zeroizing<Vec<u8>>);

impl SecretBytes {
    pub fn new(value: Vec<u8>) -> Self {
        SecretBytes(Zeroizing::new(value))
    }
    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for SecretBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_redacted() {
        let s = SecretString::new("sk-very-secret");
        assert_eq!(format!("{s:?}"), REDACTED);
        let b = SecretBytes::new(vec![1, 2, 3]);
        assert_eq!(format!("{b:?}"), REDACTED);
        assert_eq!(s.expose(), "sk-very-secret");
    }
}

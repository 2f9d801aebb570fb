//! The one error type of the crate.

use std::fmt;

/// What went wrong, in words a user can act on.
///
/// The kind is private so that new kinds can be added without breaking callers;
/// [`Error::option`] names the offending option when there is one.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug)]
enum ErrorKind {
    /// An option value is outside its allowed range.
    OutOfRange {
        option: &'static str,
        allowed: &'static str,
        /// Kept as a number until displayed: formatting floats costs kilobytes of
        /// wasm, and the bindings word their own messages.
        got: f64,
    },
    /// A value of the wrong kind (e.g. an unknown language code).
    Invalid {
        option: &'static str,
        message: String,
    },
}

/// Equal when they say the same: the values compare bit for bit, so that an
/// error about a NaN equals itself.
impl PartialEq for ErrorKind {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (
                ErrorKind::OutOfRange {
                    option,
                    allowed,
                    got,
                },
                ErrorKind::OutOfRange {
                    option: o,
                    allowed: a,
                    got: g,
                },
            ) => option == o && allowed == a && got.to_bits() == g.to_bits(),
            (
                ErrorKind::Invalid { option, message },
                ErrorKind::Invalid {
                    option: o,
                    message: m,
                },
            ) => option == o && message == m,
            _ => false,
        }
    }
}

impl Error {
    pub(crate) fn out_of_range(option: &'static str, allowed: &'static str, got: f64) -> Self {
        Error {
            kind: ErrorKind::OutOfRange {
                option,
                allowed,
                got,
            },
        }
    }

    pub(crate) fn invalid(option: &'static str, message: impl Into<String>) -> Self {
        Error {
            kind: ErrorKind::Invalid {
                option,
                message: message.into(),
            },
        }
    }

    /// The name of the option that was wrong.
    pub fn option(&self) -> &'static str {
        match &self.kind {
            ErrorKind::OutOfRange { option, .. } | ErrorKind::Invalid { option, .. } => option,
        }
    }

    /// True when a number was outside its allowed range (a `RangeError` in JavaScript);
    /// false when the value was of the wrong kind (a `TypeError`).
    pub fn is_range(&self) -> bool {
        matches!(self.kind, ErrorKind::OutOfRange { .. })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::OutOfRange {
                option,
                allowed,
                got,
            } => {
                write!(f, "option `{option}` must be {allowed}, got {got}")
            }
            ErrorKind::Invalid { option, message } => write!(f, "option `{option}`: {message}"),
        }
    }
}

impl std::error::Error for Error {}

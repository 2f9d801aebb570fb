//! A value built on first use and kept for the life of the program.
//!
//! Natively a `std::sync::OnceLock`. A wasm32 module built without the
//! `atomics` feature runs on one thread, where a thread-local cell does the
//! same without the lock's state machine (poisoning, waiting, recursion
//! checks), which took about 0.5 KB of the gzipped wasm for two tables.

/// `once!(Type, init)`: the `&'static Type` that `init` builds on first use.
#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
macro_rules! once {
    ($type:ty, $init:expr) => {{
        static CELL: std::sync::OnceLock<$type> = std::sync::OnceLock::new();
        CELL.get_or_init($init)
    }};
}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
macro_rules! once {
    ($type:ty, $init:expr) => {{
        std::thread_local! {
            static CELL: &'static $type = Box::leak(Box::new(($init)()));
        }
        CELL.with(|value| *value)
    }};
}

pub(crate) use once;

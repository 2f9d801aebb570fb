//! JavaScript bindings (built only for wasm32).

//! What the command line reads before the library sees a text: bytes to
//! text, and a web page to its prose. Not part of the library (nor of the
//! wasm, where the page has the browser's own decoder and parser).

pub mod decode;
pub mod html;

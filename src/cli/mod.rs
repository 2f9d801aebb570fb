//! What the command line reads before the library sees a text (bytes to
//! text, a web page to its prose, subtitles to their cues) and how it writes
//! a sentence. Not part
//! of the library (nor of the wasm, where the page has the browser's own
//! decoder and parser, and its own way of writing a sentence).

pub mod decode;
pub mod html;
pub mod lines;
pub mod subtitles;

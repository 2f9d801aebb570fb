// `make wasm`, between wasm-bindgen and wasm-opt: every panic entry point of
// the standard library becomes a bare `unreachable`.
//
//   node scripts/stub-panics.mjs module.wasm...
//
// The wasm is built with `panic = "abort"` and installs no panic hook, so a
// panic already ends in an `unreachable` trap; on the way it formats a message
// ("byte index 5 is not a char boundary; it is inside 'é' ...") for std's
// default hook, which on wasm32-unknown-unknown writes it nowhere. Nothing
// observable changes when the entry points trap at once, and the formatting
// behind them (the message builders, the payload boxing) is left unreachable
// for wasm-opt to remove: 3.0 KB gzipped. What a message formats through a
// function pointer stays: the function table keeps every function whose
// address was taken, and an index in it is a plain integer that no tool can
// trace. `<char as Debug>::fmt` is such a function (0.7 KB gzipped, with
// `is_printable`'s tables in the data segment), kept only by the message of a
// str slicing panic ("it is inside 'é'"), now unreachable: outside its tests
// abridge's library code formats no char with `{:?}` (its one `{:?}` is of a
// string, whose escapes do not go through it). It becomes a formatter that
// writes nothing and returns `Ok`, so that a char formatted with `{:?}` by a
// path nobody found would leave a message without the char rather than trap.
// abridge itself never panics on any input (tests/js/robustness.test.mjs).
//
// The rest of the formatting machinery stayed for the same reason: the table
// kept the panic payload's methods, `String`'s `fmt::Write` methods and the
// formatters panic messages take the address of (`u32`, `&str`, `Range<usize>`
// ...), and with them `core::fmt::write`, `Formatter::pad` and `pad_integral`
// (1.4 KB gzipped). abridge's wasm formats nothing (its messages are joined
// strings, src/wasm.rs): those formatters are silenced too, and the payload's
// methods, which only the panic runtime creates and calls, trap. A check
// proves it before the module is written: once they are stubbed,
// `core::fmt::write`, where every `format!` and `write!` goes, must not be
// reachable by direct calls from the exports or from any function in the
// table; if it is, something formats outside a panic and the build stops.
//
// Otherwise only functions that cannot return become traps (binaryen types their
// body `unreachable`), so a trap cannot change what a call that returns computes;
// the silenced formatters return Ok, having written nothing.
// Names come from the module's name section (wasm-bindgen keeps it; wasm-opt
// --strip-debug drops it afterwards). If `core::panicking::panic_fmt`, which
// every panic goes through, is not found, the build stops rather than ship a
// module 3 KB over its size.
import binaryen from "binaryen";
import { readFileSync, writeFileSync } from "node:fs";
import { dataSegments } from "./wasm-reader.mjs";

// Paths without crate disambiguators (`core[c593..]::`) or hashes (`::h12ab..`).
const PANIC_PATHS = [
  /^core::panicking::/,
  /^core::str::slice_error_fail/,
  /^core::slice::index::\w+_fail$/,
  /^core::slice::copy_from_slice_impl::len_mismatch_fail$/,
  /^core::option::(unwrap|expect)_failed$/,
  /^core::result::unwrap_failed$/,
  /^core::char::methods::encode_utf8_raw::do_panic/,
  /^alloc::raw_vec::(capacity_overflow|handle_error)$/,
  /^alloc::alloc::handle_alloc_error/,
  /^std::panicking::(begin_panic_handler|rust_panic_with_hook|panic_with_hook)$/,
];
const FUNNEL = "core::panicking::panic_fmt";
// The panic message's payload, which only the panic runtime (trapping above)
// creates and reads: it traps too, though it could return.
const PANIC_PAYLOAD = [/^<std::panicking::panic_handler::\w+Payload as core::panic::PanicPayload>::\w+$/];
// Formatters that only panic messages use (the first since the start; the
// rest found by `twiggy paths` as kept by the table alone): they write nothing
// and return Ok.
const SILENT_FORMATTERS = [
  /^<char as core::fmt::Debug>::fmt$/,
  /^<core::ops::range::Range<usize> as core::fmt::Debug>::fmt$/,
  /^<u32 as core::fmt::Display>::fmt$/,
  /^<usize as core::fmt::UpperHex>::fmt$/,
  /^<&str as core::fmt::Display>::fmt$/,
  /^<core::cell::Borrow(Mut)?Error as core::fmt::Display>::fmt$/,
  /^<std::panicking::panic_handler::(FormatString|StaticStr)Payload as core::fmt::Display>::fmt$/,
  /^<alloc::string::String as core::fmt::Write>::write_(str|char|fmt)$/,
];

const plainPath = (name) =>
  name
    .replace(/\[[0-9a-f]+\]/g, "")
    .replace(/::h[0-9a-f]{16}$/, "");

// Keep the name section in the output: `make size` reads function names after
// this step (the build's wasm-opt --strip-debug drops them).
binaryen.setDebugInfo(true);

for (const file of process.argv.slice(2)) {
  const module = binaryen.readBinary(readFileSync(file));
  // Each function to replace, with its new body: a trap, or a formatter's Ok.
  const stubs = [];
  const silent = [];
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (info.module !== "" || !info.body) continue; // an import
    const path = plainPath(info.name);
    if (SILENT_FORMATTERS.some((re) => re.test(path))) {
      // `fn fmt(&self, &mut Formatter) -> fmt::Result`: two pointers in, 0 (Ok) out.
      if (info.results !== binaryen.i32 || binaryen.expandType(info.params).length < 2) {
        throw new Error(`${file}: ${info.name} does not have the signature of a formatter`);
      }
      silent.push(info);
    } else if (
      (PANIC_PATHS.some((re) => re.test(path)) && binaryen.getExpressionType(info.body) === binaryen.unreachable) ||
      PANIC_PAYLOAD.some((re) => re.test(path))
    ) {
      stubs.push(info);
    }
  }
  if (!stubs.some((info) => plainPath(info.name) === FUNNEL)) {
    throw new Error(`${file}: no ${FUNNEL} in the name section; was it stripped before this step?`);
  }
  const replace = (info, vars, body) => {
    module.removeFunction(info.name);
    module.addFunction(info.name, info.params, info.results, vars, body);
  };
  for (const info of stubs) replace(info, info.vars, module.unreachable());
  for (const info of silent) replace(info, [], module.i32.const(0));
  const formatting = reachableFormatting(module);
  if (formatting) {
    throw new Error(`${file}: ${formatting} calls core::fmt::write: something formats outside a panic; silence less`);
  }
  const bytes = module.emitBinary();
  module.dispose();
  const { locations, paths } = forgetPanicLocations(bytes);
  if (locations === 0) {
    throw new Error(`${file}: no core::panic::Location in the data; has its layout changed?`);
  }
  writeFileSync(file, bytes);
  console.log(
    `${file}: ${stubs.length} panic entry points trap at once, ${silent.length} formatter(s) silenced, ` +
      `${locations} panic locations in ${paths} source files zeroed`,
  );
}

// With the panics trapping and the formatters above silenced, nothing that
// runs may still format: `core::fmt::write` must not be reachable by direct
// calls from the exports or from any function in the table (binaryen's text
// form, one function per ` (func $name` line). Returns the function that still
// calls it, or null.
function reachableFormatting(module) {
  const name = String.raw`\$("(?:[^"\\]|\\.)*"|[^\s()"]+)`;
  const funcStart = new RegExp(String.raw`^ \(func ${name}`);
  const call = new RegExp(String.raw`\((?:return_)?call ${name}`, "g");
  const reference = new RegExp(name, "g");
  const callees = new Map();
  const roots = [];
  let current = null;
  for (const line of module.emitText().split("\n")) {
    const start = funcStart.exec(line);
    if (start) {
      current = [];
      callees.set(start[1], current);
    } else if (/^ \((export|elem|start) /.test(line)) {
      for (const [, id] of line.matchAll(reference)) roots.push([id, null]);
    } else if (current) {
      for (const [, id] of line.matchAll(call)) current.push(id);
    }
  }
  const seen = new Set();
  while (roots.length > 0) {
    const [id, caller] = roots.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    if (plainPath(id.replace(/^"|"$/g, "")) === "core::fmt::write") return caller;
    for (const callee of callees.get(id) ?? []) roots.push([callee, id]);
  }
  return null;
}

// Every call that may panic passes a `core::panic::Location` (file, line,
// column) that only the panic message reads, and the messages are gone (above).
// The code that passed them goes with wasm-opt, but a data segment is kept
// whole, so the records and the source paths they name stay: 250 records, 1.7 KB
// gzipped, unique line and column numbers that do not compress. Zeroed, wasm-opt
// drops what it can and gzip the rest. A record is recognized by its shape: a
// 4-aligned (pointer, length, line, column) of u32s whose string is a Rust
// source path (ends in ".rs"); nothing else in the module points at those.
function forgetPanicLocations(bytes) {
  const segments = dataSegments(bytes);
  const at = (address, length) => {
    for (const { address: start, offset, length: size } of segments) {
      if (start <= address && address + length <= start + size) return offset + address - start;
    }
    return -1;
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records = [];
  const paths = new Map();
  for (const { address, offset, length } of segments) {
    for (let p = (4 - (address % 4)) % 4; p + 16 <= length; p += 4) {
      const u32 = (k) => view.getUint32(offset + p + 4 * k, true);
      const [pointer, size, line, column] = [u32(0), u32(1), u32(2), u32(3)];
      if (size < 4 || size > 300 || line === 0 || line > 100000 || column > 1000) continue;
      const path = at(pointer, size);
      if (path < 0 || !endsWithRs(bytes, path + size)) continue;
      records.push(offset + p);
      paths.set(path, size);
    }
  }
  for (const record of records) bytes.fill(0, record, record + 16);
  for (const [path, size] of paths) bytes.fill(0, path, path + size);
  return { locations: records.length, paths: paths.size };
}

function endsWithRs(bytes, end) {
  return bytes[end - 3] === 0x2e && bytes[end - 2] === 0x72 && bytes[end - 1] === 0x73; // ".rs"
}

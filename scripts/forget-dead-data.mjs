// `make wasm`, after wasm-opt: the data that nothing left in the module refers
// to becomes zeros.
//
//   node scripts/forget-dead-data.mjs linked.wasm linked.map module.wasm...
//
// wasm-opt removes the functions nothing calls, but it keeps the data segments
// whole, so the tables and strings that only those functions read stay: after
// scripts/stub-panics.mjs, `is_printable`'s and `grapheme_extend`'s Unicode
// tables (for `<char as Debug>`), the digit pairs of integer formatting, panic
// messages, the panic payloads' vtables. About 3 KB that compress badly (2.5 KB
// gzipped); zeroed, they cost next to nothing. (wasm-opt does not run again:
// splitting the segments around the zeros costs more gzip than it saves.)
//
// Which bytes belong to what comes from the linker's map (`wasm-ld --Map`,
// asked for by scripts/build-wasm.sh): each data object's address and size.
// Code refers to an address as an `i32.const` or as a load's or store's
// `offset=`, data as a pointer among its bytes. An object stays if anything in
// the module points into it, or up to 64 bytes before it (code may fold a
// negative index into the base, `x[i - 1]`: the linker's relocations in this
// module go at most 4 bytes below their object), or at its end when no other
// object starts there (a backward loop's first pointer). Pointers in the data
// are read at every address that is a multiple of 4, where Rust puts them on
// wasm32 (no packed struct here holds one): read at every byte, a chance match
// at an odd address, such as `00 fa 10 00` inside a table, kept 292 bytes of
// dead Unicode table (283 gzipped) or not, as the data before it moved. Nor
// can a code point match: the data starts at 0x120000 (.cargo/config.toml),
// above `char::MAX` and `Option<char>`'s None (0x110000). The
// same rule run on the linked module must see every object referred to (the
// linker keeps nothing unreferenced); an object it does not see is referred
// to some other way and is never zeroed. Data addresses are the linker's
// throughout (wasm-bindgen and wasm-opt move no data), and the map must
// describe the linked module given: the offsets and sizes of its code and
// data sections are checked.
import binaryen from "binaryen";
import { readFileSync, writeFileSync } from "node:fs";
import { dataSegments, reader } from "./wasm-reader.mjs";

const SLACK = 64;
const [linked, mapFile, ...files] = process.argv.slice(2);
const map = readFileSync(mapFile, "utf8").split("\n");
const linkedBytes = readFileSync(linked);
const linkedSegments = dataSegments(linkedBytes);

// The map's sections (`- offset size NAME`, each whole: id, size and
// payload) against the linked module's.
const linkedSections = sections(linkedBytes);
for (const [id, name] of [[10, "CODE"], [11, "DATA"]]) {
  const line = map.find((l) => new RegExp(String.raw`^\s+-\s+[0-9a-f]+\s+[0-9a-f]+ ${name}$`).test(l));
  const [offset, size] = (line?.trim().split(/\s+/).slice(1, 3) ?? []).map((x) => parseInt(x, 16));
  const [at, length] = linkedSections.get(id) ?? [];
  if (offset !== at || size !== length) {
    throw new Error(`${mapFile} does not describe ${linked} (${name} section at ${offset}, ${size} bytes: ${at}, ${length})`);
  }
}

// Data objects: the map's input sections with an address (`addr offset size  file:(section)`).
let objects = [];
for (const line of map) {
  const m = /^\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+(\S.*):\((\..*)\)$/.exec(line);
  if (m) {
    const [address, size] = [parseInt(m[1], 16), parseInt(m[2], 16)];
    objects.push({ address, size, runtime: m[3].includes("/rustlib/"), section: m[4] });
  }
}
if (objects.length === 0) throw new Error(`${mapFile}: no data objects; has the map's layout changed?`);
const starts = new Set(objects.map((o) => o.address));

// Objects the rule does not see referred to in the linked module are left alone.
const seenLinked = referred(linkedBytes);
objects = objects.filter(seenLinked);
// And only what panics and formatting alone read may go, by its bytes or its
// name: a second guard, so that a table the code still reads through an
// address the rule cannot see (wasm-opt folding `TABLE[c - 0x3000]` into one
// constant far below it) is never lost, whatever the rule says.
objects = objects.filter(zeroable);

// The messages of the panics live code can still raise (slicing out of bounds
// or off a char boundary, a failed copy): referred to, as the pieces of the
// message's format, but read only by `core::fmt::write`, which
// scripts/stub-panics.mjs proved unreachable before this runs (the build stops
// otherwise), so no byte of them is ever read: the trap comes first. Found by
// their text in the linked module's data, and zeroed only where nothing points
// inside one (the linker may give a string that is another's tail the same
// bytes): 581 bytes, 0.2 KB gzipped.
const PANIC_TEXTS = [
  "begin > end (",
  ") when slicing `",
  "start byte index ",
  "end byte index ",
  " is out of bounds of `",
  " is not a char boundary; it is inside ",
  "slice index starts at ",
  " but ends at ",
  "index out of bounds: the len is ",
  " but the index is ",
  "range start index ",
  "range end index ",
  " out of range for slice of length ",
  "internal error: entered unreachable code: ",
  "copy_from_slice: source slice length (",
  ") does not match destination slice length (",
  "encode_utf8: need ",
  " bytes to encode U+",
  " but buffer has just ",
];
const linkedRefs = references(linkedBytes);
const panicTexts = [];
for (const { offset, length, address } of linkedSegments) {
  const data = linkedBytes.subarray(offset, offset + length);
  for (const text of PANIC_TEXTS) {
    const needle = Buffer.from(text);
    for (let at = data.indexOf(needle); at >= 0; at = data.indexOf(needle, at + 1)) {
      const [from, to] = [address + at, address + at + needle.length];
      if (!linkedRefs.some((ref) => ref > from && ref < to)) panicTexts.push({ address: from, size: needle.length });
    }
  }
}

for (const file of files) {
  const bytes = readFileSync(file);
  const seen = referred(bytes);
  const segments = dataSegments(bytes);
  let [dead, zeroed] = [0, 0];
  for (const { address, size } of [...objects.filter((object) => !seen(object)), ...panicTexts]) {
    dead++;
    for (const { address: start, offset, length } of segments) {
      const [from, to] = [Math.max(address, start), Math.min(address + size, start + length)];
      if (from < to) {
        bytes.fill(0, offset + from - start, offset + to - start);
        zeroed += to - from;
      }
    }
  }
  writeFileSync(file, bytes);
  console.log(
    `${file}: ${dead - panicTexts.length} of ${objects.length} data objects referred to by nothing and ${panicTexts.length} panic messages, ${zeroed} bytes zeroed`,
  );
}

// A panic's location (a pointer to its file's name, the name's length, a line
// and a column), text (a panic's message), or the runtime's (core, std,
// alloc) literals and the Unicode tables behind `<char as Debug>`.
function zeroable({ address, size, runtime, section }) {
  const segment = linkedSegments.find((s) => address >= s.address && address + size <= s.address + s.length);
  if (!segment) return false;
  const bytes = linkedBytes.subarray(segment.offset + address - segment.address, segment.offset + address - segment.address + size);
  const word = (i) => bytes.readUInt32LE(i);
  const inData = (pointer) => linkedSegments.some((s) => pointer >= s.address && pointer < s.address + s.length);
  const location = size === 16 && inData(word(0)) && word(4) < 4096 && word(8) < 1 << 20 && word(12) < 4096;
  const text = bytes.every((b) => (b >= 0x20 && b < 0x7f) || b === 0x0a);
  return location || text || (runtime && /^\.rodata\.(\.Lanon|.*(printable|grapheme_extend))/.test(section));
}

// Whether a module refers to an object, by the rule above: a test of objects.
function referred(bytes) {
  const refs = references(bytes);
  return ({ address, size }) => {
    // The first reference at or past `address - SLACK`: is it inside?
    let [lo, hi] = [0, refs.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (refs[mid] < address - SLACK) lo = mid + 1;
      else hi = mid;
    }
    const end = starts.has(address + size) ? address + size - 1 : address + size;
    return lo < refs.length && refs[lo] <= end;
  };
}

// Every address a module's code or data may point at, sorted.
function references(bytes) {
  const refs = [];
  const module = binaryen.readBinary(bytes);
  for (const line of module.emitText().split("\n")) {
    if (/^ \(data /.test(line)) continue; // a segment's own address
    for (const [, value] of line.matchAll(/i32\.const (-?\d+)/g)) refs.push(Number(value) >>> 0);
    for (const [, value] of line.matchAll(/offset=(\d+)/g)) refs.push(Number(value));
  }
  module.dispose();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const { offset, length, address } of dataSegments(bytes)) {
    const first = offset + ((4 - (address % 4)) % 4);
    for (let p = first; p + 4 <= offset + length; p += 4) refs.push(view.getUint32(p, true));
  }
  return refs.sort((a, b) => a - b);
}

// Where each section starts and its length (id, size and payload), by id.
function sections(bytes) {
  const r = reader(bytes);
  const found = new Map();
  while (r.at < bytes.length) {
    const start = r.at++;
    const size = r.leb();
    r.at += size;
    found.set(bytes[start], [start, r.at - start]);
  }
  return found;
}

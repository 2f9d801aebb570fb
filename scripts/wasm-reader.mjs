// A cursor over a wasm module's bytes, for the build scripts that read its
// sections (size.mjs, short-import-names.mjs, stub-panics.mjs,
// forget-dead-data.mjs).
//
//   const r = reader(bytes); // at 8: past the magic number and the version
//   const id = bytes[r.at++], size = r.leb();

/** A cursor at `at`; `leb()` reads an unsigned LEB128 there and moves past it. */
export function reader(bytes, at = 8) {
  return {
    at,
    leb() {
      let value = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = bytes[this.at++];
        value += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) return value;
      }
    },
  };
}

// The active segments of the data section: where each lands in memory and
// where its bytes are in the module. wasm-bindgen writes only `i32.const`
// offsets into memory 0 (flags 0).
export function dataSegments(bytes) {
  const r = reader(bytes);
  while (r.at < bytes.length) {
    const id = bytes[r.at++];
    const size = r.leb();
    const end = r.at + size;
    if (id === 11) {
      const segments = [];
      for (let count = r.leb(); count > 0; count--) {
        const flags = r.leb();
        if (flags !== 0 || bytes[r.at] !== 0x41) throw new Error(`data segment of an unexpected kind (${flags})`);
        r.at++;
        const address = r.leb(); // an sleb, which reads the same as a leb when it is not negative
        if (bytes[r.at++] !== 0x0b) throw new Error("data segment offset is not a constant");
        const length = r.leb();
        segments.push({ address, offset: r.at, length });
        r.at += length;
      }
      return segments;
    }
    r.at = end;
  }
  return [];
}

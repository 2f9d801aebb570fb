// A cursor over a wasm module's bytes, for the build scripts that read its
// sections (size.mjs, short-import-names.mjs, stub-panics.mjs).
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

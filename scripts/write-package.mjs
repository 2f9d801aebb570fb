// Writes <pkg>/package.json from pkg-template/package.json with the version of
// Cargo.toml, and copies the package README and LICENSE.
import { readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = process.argv[2] ?? join(root, "pkg");
const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
const version = cargo.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms)?.[1];
if (!version) throw new Error("no [package] version in Cargo.toml");

const manifest = JSON.parse(readFileSync(join(root, "pkg-template/package.json"), "utf8"));
manifest.version = version;
writeFileSync(join(out, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
for (const file of ["README.md", "LICENSE"]) {
  copyFileSync(join(root, "pkg-template", file), join(out, file));
}

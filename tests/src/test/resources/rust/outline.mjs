// Prints what a linked module offers its host and carries besides code: its imports, its exports and the names of
// its custom sections, one per line and sorted, so that RustLinkTest can compare two linkers' outputs.
//
//   node --no-warnings outline.mjs module.wasm
import { readFile } from 'node:fs/promises';

const bytes = await readFile(process.argv[2]);
const module = await WebAssembly.compile(bytes);
const lines = [];
for (const i of WebAssembly.Module.imports(module)) {
  lines.push(`import ${i.kind} ${i.module}.${i.name}`);
}
for (const e of WebAssembly.Module.exports(module)) {
  lines.push(`export ${e.kind} ${e.name}`);
}

// Custom section names, from the binary: id 0, then a LEB128 size, then a LEB128-prefixed name.
function leb(at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at.pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
}
const at = { pos: 8 };
const customs = new Set();
while (at.pos < bytes.length) {
  const id = bytes[at.pos++];
  const size = leb(at);
  const end = at.pos + size;
  if (id === 0) {
    const length = leb(at);
    customs.add(new TextDecoder().decode(bytes.subarray(at.pos, at.pos + length)));
  }
  at.pos = end;
}
for (const name of customs) {
  lines.push(`custom ${name}`);
}
lines.sort();
process.stdout.write(lines.join('\n') + '\n');

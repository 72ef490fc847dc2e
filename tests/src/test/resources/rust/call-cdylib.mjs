// Instantiates the lib.rs cdylib (wasm32-unknown-unknown) with no imports, calls its exports and prints one line
// per result, so that RustLinkTest can compare the modules two linkers made.
//
//   node --no-warnings call-cdylib.mjs module.wasm
//
// Status 0 after printing every result; 125 (with one "call-cdylib: ..." line on stderr) when the module cannot be
// read, compiled or instantiated; 134 when a call traps.
import { readFile } from 'node:fs/promises';

const modulePath = process.argv[2];
if (!modulePath) {
  process.stderr.write('call-cdylib: usage: node --no-warnings call-cdylib.mjs module.wasm\n');
  process.exit(125);
}

let instance;
try {
  const module = await WebAssembly.compile(await readFile(modulePath));
  instance = await WebAssembly.instantiate(module, {});
} catch (e) {
  process.stderr.write(`call-cdylib: cannot load ${modulePath}: ${e && e.message ? e.message : e}\n`);
  process.exit(125);
}

const x = instance.exports;
const print = (line) => process.stdout.write(line + '\n');
try {
  print(`add(2, 3) = ${x.add(2, 3)}`);
  print(`add(2147483647, 1) = ${x.add(2147483647, 1)}`);
  print(`add(-40, -2) = ${x.add(-40, -2)}`);
  print(`sum_table() = ${x.sum_table()}`);
  for (let which = 0; which < 4; which++) {
    print(`apply(${which}, 7, 6) = ${x.apply(which, 7, 6)}`);
  }
  print(`next_count() x3 = ${[x.next_count(), x.next_count(), x.next_count()].join(' ')}`);
  print(`sum_squares(0) = ${x.sum_squares(0)}`);
  print(`sum_squares(1000) = ${x.sum_squares(1000)}`);
  print(`sum_squares(100000) = ${x.sum_squares(100000)}`);
  const bytes = new Uint8Array(x.memory.buffer, x.greeting_ptr(), x.greeting_len());
  print(`greeting = ${JSON.stringify(new TextDecoder().decode(bytes))}`);
} catch (e) {
  process.stderr.write(`call-cdylib: trap in ${modulePath}: ${e && e.message ? e.message : e}\n`);
  process.exit(134);
}

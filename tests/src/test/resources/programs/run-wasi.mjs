// Runs one WASI (preview1) command module under node's built-in WASI and exits with the program's status.
//
//   node --no-warnings run-wasi.mjs module.wasm [args...]
//
// argv[0] is the module's file name; the remaining arguments are passed through. The environment is empty, no
// directories are preopened, and the program's stdout/stderr are the process's own (written synchronously by WASI).
// Statuses: the program's exit status; 125 when the module cannot be read, compiled or instantiated; 134 when the
// module traps. Both failures also print one "run-wasi: ..." line to stderr.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { WASI } from 'node:wasi';

const [modulePath, ...programArgs] = process.argv.slice(2);
if (!modulePath) {
  process.stderr.write('run-wasi: usage: node --no-warnings run-wasi.mjs module.wasm [args...]\n');
  process.exit(125);
}

const wasi = new WASI({
  version: 'preview1',
  args: [basename(modulePath), ...programArgs],
  env: {},
  preopens: {},
  returnOnExit: true,
});

let instance;
try {
  const module = await WebAssembly.compile(await readFile(modulePath));
  instance = await WebAssembly.instantiate(module, wasi.getImportObject());
} catch (e) {
  process.stderr.write(`run-wasi: cannot load ${modulePath}: ${e && e.message ? e.message : e}\n`);
  process.exit(125);
}

let status;
try {
  status = wasi.start(instance);
} catch (e) {
  process.stderr.write(`run-wasi: trap in ${modulePath}: ${e && e.message ? e.message : e}\n`);
  process.exit(134);
}
process.exitCode = typeof status === 'number' ? status : 0;

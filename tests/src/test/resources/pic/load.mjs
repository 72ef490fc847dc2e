// A minimal dynamic loader, after tool-conventions' DynamicLinking.md and wasm-ld 19's conventions: it loads
// position-independent modules (-shared libraries, -pie programs) in order, each at its own non-zero memory base and
// table base in one memory and one table, resolves their function imports and GOT.mem/GOT.func entries against the
// modules loaded and a few host definitions, applies their data relocations, runs their constructors, then runs a
// scenario and prints what it sees.
//
//   node load.mjs library|program|uses-library|threads MODULE.wasm...
//
// "threads" gives the modules one shared memory and instantiates the first module a second time over it, as a second
// thread does, each instance with its own thread-local block set up by __wasm_init_tls.
import { readFileSync } from 'node:fs';

const [scenario, ...files] = process.argv.slice(2);

function dylink(module) {
  const [section] = WebAssembly.Module.customSections(module, 'dylink.0');
  if (!section) throw new Error('no dylink.0 section');
  const bytes = new Uint8Array(section);
  let at = 0;
  const uleb = () => {
    let value = 0, shift = 0, byte;
    do { byte = bytes[at++]; value |= (byte & 0x7f) << shift; shift += 7; } while (byte & 0x80);
    return value >>> 0;
  };
  const info = {};
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = uleb() + at;
    if (id === 1) {
      info.memorySize = uleb(); info.memoryAlign = uleb(); info.tableSize = uleb(); info.tableAlign = uleb();
    }
    at = end;
  }
  return info;
}

const log = [];
const table = new WebAssembly.Table({ initial: 3, element: 'anyfunc' });
let memory = null;
let nextMemoryBase = 1024;
const hostData = { external_value: 100, undefined_data: 200 };
const hostFunctions = {
  host_log: value => log.push(`host_log(${value})`),
  called_fn: value => log.push(`called_fn(${value})`),
};
// Every symbol the loaded modules export: data as absolute addresses, functions as callables.
const definitions = new Map();
const stackPointer = new WebAssembly.Global({ value: 'i32', mutable: true }, 60000);
const loaded = [];

for (const file of files) {
  const module = new WebAssembly.Module(readFileSync(file));
  const info = dylink(module);
  const memoryBase = nextMemoryBase;
  nextMemoryBase = (memoryBase + info.memorySize + 64 + 15) & ~15;
  const tableBase = table.length;
  table.grow(info.tableSize);
  const imports = WebAssembly.Module.imports(module);
  if (imports.some(i => i.kind === 'memory')) {
    memory ??= new WebAssembly.Memory(scenario === 'threads' ? { initial: 2, maximum: 2, shared: true } : { initial: 2 });
  }
  const got = {};
  const env = {
    __indirect_function_table: table,
    __memory_base: new WebAssembly.Global({ value: 'i32' }, memoryBase),
    __table_base: new WebAssembly.Global({ value: 'i32' }, tableBase),
    __stack_pointer: stackPointer,
  };
  if (memory) env.memory = memory;
  for (const { module: from, name, kind } of imports) {
    if (from === 'env' && kind === 'function') {
      const definition = definitions.get(name);
      env[name] = definition?.function ?? hostFunctions[name] ?? (() => { throw new Error(`${name} is not defined`); });
    } else if (from === 'GOT.mem' || from === 'GOT.func') {
      got[`${from}.${name}`] = new WebAssembly.Global({ value: 'i32', mutable: true }, 0);
    }
  }
  const gotImports = { 'GOT.mem': {}, 'GOT.func': {} };
  for (const [key, global] of Object.entries(got)) {
    const [space, kind, name] = key.split('.');
    gotImports[`${space}.${kind}`][name] = global;
  }
  const instance = new WebAssembly.Instance(module, { env, ...gotImports });
  // What a second thread would instantiate: the same module over the same memory, bases and GOT.
  const again = () => new WebAssembly.Instance(module, { env, ...gotImports }).exports;
  const exports = instance.exports;
  memory ??= exports.memory;
  for (const [name, value] of Object.entries(exports)) {
    if (definitions.has(name) || name.startsWith('__')) continue;
    if (value instanceof WebAssembly.Global) definitions.set(name, { address: memoryBase + value.value });
    else if (value instanceof Function) definitions.set(name, { function: value });
  }
  loaded.push({ exports, memoryBase, tableBase, got, again });
}

// Fill every GOT entry now that all modules are loaded: data from the module that exports it or the host's, placed
// after the modules; functions in new table slots (a host function cannot enter a table without wasm glue: null).
let hostAddress = nextMemoryBase + 64;
const hostAddresses = {};
for (const { got } of loaded) {
  for (const [key, global] of Object.entries(got)) {
    const name = key.split('.').slice(2).join('.');
    const definition = definitions.get(name);
    if (key.startsWith('GOT.mem.')) {
      if (definition?.address !== undefined) {
        global.value = definition.address;
      } else {
        if (!(name in hostAddresses)) {
          hostAddresses[name] = hostAddress;
          new Int32Array(memory.buffer, hostAddress, 1)[0] = hostData[name] ?? 0;
          hostAddress += 16;
        }
        global.value = hostAddresses[name];
      }
    } else {
      const slot = table.length;
      table.grow(1);
      if (definition?.function) table.set(slot, definition.function);
      global.value = slot;
    }
  }
}
for (const { exports } of loaded) {
  exports.__wasm_apply_data_relocs();
  // A PIE need not export its constructors' runner.
  exports.__wasm_call_ctors?.();
}

const i32 = address => new Int32Array(memory.buffer, address, 1)[0];
const cString = address => {
  const bytes = new Uint8Array(memory.buffer, address);
  let end = 0;
  while (bytes[end]) end++;
  return new TextDecoder().decode(bytes.subarray(0, end));
};
const address = name => definitions.get(name).address;
const call = name => definitions.get(name).function;

if (scenario === 'library') {
  log.push(`counter after constructor ${i32(address('counter'))}`);
  log.push(`greeting "${cString(i32(address('greeting')))}"`);
  log.push(`counter_address points at counter: ${i32(address('counter_address')) === address('counter')}`);
  const twice = table.get(i32(address('twice_address')));
  log.push(`twice_address(21) = ${twice(21)}`);
  log.push(`bump(5) = ${call('bump')(5)}`);
  new Int32Array(memory.buffer, address('callback'), 1)[0] = call('get_twice')();
  log.push(`bump(1) with callback = ${call('bump')(1)}`);
  log.push(`slots from the table base: ${i32(address('twice_address')) >= loaded[0].tableBase}`);
} else if (scenario === 'program') {
  log.push(`main() = ${call('main')(0, 0)}`);
} else if (scenario === 'uses-library') {
  log.push(`run() = ${call('run')()}`);
  log.push(`where points at the library's counter: ${i32(address('where')) === address('counter')}`);
} else if (scenario === 'threads') {
  const main = loaded[0].exports;
  const worker = loaded[0].again();
  const size = main.__tls_size.value;
  const blocks = [hostAddress + 64, hostAddress + 64 + ((size + 15) & ~15)];
  main.__wasm_init_tls(blocks[0]);
  worker.__wasm_init_tls(blocks[1]);
  log.push(`main bump_tl(1) = ${main.bump_tl(1)}`);
  log.push(`worker bump_tl(10) = ${worker.bump_tl(10)}`);
  log.push(`main bump_tl(1) = ${main.bump_tl(1)}`);
  log.push(`blocks where __wasm_init_tls put them: ${main.tl_address() === blocks[0] && worker.tl_address() === blocks[1]}`);
  log.push(`main read_through() = ${main.read_through()}`);
  log.push(`worker read_through() = ${worker.read_through()}`);
} else {
  throw new Error(`unknown scenario ${scenario}`);
}
console.log(log.join('\n'));

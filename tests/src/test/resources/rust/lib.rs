// A cdylib for wasm32-unknown-unknown for RustLinkTest: exports that use static data (memory relocations),
// mutable statics, the heap and indirect calls, called from node with both linkers' outputs.
use std::sync::atomic::{AtomicI32, Ordering};

static TABLE: [i32; 10] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
static GREETING: &str = "hello from a rust cdylib";
static COUNTER: AtomicI32 = AtomicI32::new(100);

type Op = fn(i32, i32) -> i32;

fn op_add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

fn op_mul(a: i32, b: i32) -> i32 {
    a.wrapping_mul(b)
}

fn op_sub(a: i32, b: i32) -> i32 {
    a.wrapping_sub(b)
}

static OPS: [Op; 3] = [op_add, op_mul, op_sub];

#[no_mangle]
pub extern "C" fn add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

/// The sum of the static table, weighted by position.
#[no_mangle]
pub extern "C" fn sum_table() -> i32 {
    TABLE.iter().enumerate().map(|(i, &v)| (i as i32 + 1) * v).sum()
}

/// Applies OPS[which % 3] through a function pointer (an indirect call through the table).
#[no_mangle]
pub extern "C" fn apply(which: u32, a: i32, b: i32) -> i32 {
    OPS[(which % 3) as usize](a, b)
}

/// Counts up from 100 on every call (a mutable static in linear memory).
#[no_mangle]
pub extern "C" fn next_count() -> i32 {
    COUNTER.fetch_add(1, Ordering::Relaxed)
}

/// Builds a heap vector of n squares and sums it (the allocator).
#[no_mangle]
pub extern "C" fn sum_squares(n: u32) -> u64 {
    let squares: Vec<u64> = (0..n as u64).map(|i| i * i).collect();
    squares.iter().sum()
}

/// The address and length of a static string in memory.
#[no_mangle]
pub extern "C" fn greeting_ptr() -> *const u8 {
    GREETING.as_ptr()
}

#[no_mangle]
pub extern "C" fn greeting_len() -> usize {
    GREETING.len()
}

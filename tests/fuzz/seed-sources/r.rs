#[no_mangle]
pub extern "C" fn rfun(x: i32) -> i32 { x.wrapping_mul(7) }
pub struct S { pub v: Vec<u32> }
impl S { pub fn total(&self, i: usize) -> u32 { self.v.iter().sum::<u32>() + self.v[i] } }
static TABLE: [&str; 2] = ["a", "bc"];
#[no_mangle]
pub extern "C" fn pick(i: usize) -> usize { TABLE[i].len() }

# Calls `scale` as (f64) -> f64 and takes its address: wasm-ld warns of the mismatch, and everything this object
# does with `scale` reaches a stub that traps (`signature_mismatch:scale`, a local function of a -r output; its
# address is the null pointer).
	.functype	scale (f64) -> (f64)

	.globl	use_scale
use_scale:
	.functype	use_scale () -> (f64)
	f64.const	1.5
	call	scale
	end_function

	.section	.data.misused_address,"",@
	.globl	misused_address
	.p2align	2
misused_address:
	.int32	scale
	.size	misused_address, 4

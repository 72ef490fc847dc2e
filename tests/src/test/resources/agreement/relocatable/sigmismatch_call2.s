# A second object calling `scale` as (f64) -> f64: it reaches the same stub, which a -r output lists once more.
	.functype	scale (f64) -> (f64)

	.globl	use_scale_again
use_scale_again:
	.functype	use_scale_again () -> (f64)
	f64.const	2.5
	call	scale
	end_function

# Defines `scale` as (i32) -> i32, calls it and takes its address as its signature says.
	.globl	scale
scale:
	.functype	scale (i32) -> (i32)
	local.get	0
	i32.const	3
	i32.mul
	end_function

	.globl	call_scale
call_scale:
	.functype	call_scale () -> (i32)
	i32.const	14
	call	scale
	end_function

	.section	.data.scale_address,"",@
	.globl	scale_address
	.p2align	2
scale_address:
	.int32	scale
	.size	scale_address, 4

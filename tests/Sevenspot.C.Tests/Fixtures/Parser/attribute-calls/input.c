/* Attributes written as macro calls before a declaration (BPF selftests, kernel headers). */
SEC("socket")
__description("divide, check 1")
__success __success_unpriv __retval(-20)
__naked void sdiv32_non_zero_imm_1(void)
{
}

__success __retval(0) __flag(BPF_F_ANY_ALIGNMENT)
__naked void end_corner_case(void)
{
}

__caps_unpriv(CAP_BPF) int with_caps(void)
{
	return 0;
}

static __retval(0) void after_static(void)
{
}

/* After a type, a "__" function keeps its name when no type keyword follows its parameters. */
static void __drop(int x) __releases(lock);
static void __take(int x) __acquires(lock)
{
}

/* A function header written as a macro, after specifiers. */
static CLOSURE_CALLBACK(insert_keys)
{
	closure_type(op, struct data_insert_op, cl);
}

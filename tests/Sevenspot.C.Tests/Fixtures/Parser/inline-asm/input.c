/* Inline assembly with operands. */
static inline unsigned long read_flags(void)
{
	unsigned long flags;

	asm volatile("pushf ; pop %0" : "=rm" (flags) : : "memory");
	return flags;
}

static inline void add_one(int *p, int v)
{
	__asm__ __volatile__("lock; addl %[val], %[mem]"
			     : [mem] "+m" (*p)
			     : [val] "ir" (v)
			     : "cc");
	asm("" ::: "memory");
}

static inline bool test_jump(void)
{
	asm goto("jmp %l[yes]" : : : : yes);
	return false;
yes:
	return true;
}

register unsigned long current_stack_pointer asm("rsp");

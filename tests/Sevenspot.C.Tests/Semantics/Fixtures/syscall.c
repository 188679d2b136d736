// SYSCALL_DEFINEn(name, t1, a1, ...) is a function, as spatch's standard.h defines it.
SYSCALL_DEFINE3(frob, unsigned int, fd, struct stat __user *, statbuf, u32, flags)
{
	check(fd);	// unsigned int
	check(statbuf);	// struct stat *
	check(flags);	// u32
	return 0;
}

void f(void)
{
	check(frob(1, 0, 0));	// unsigned long
}

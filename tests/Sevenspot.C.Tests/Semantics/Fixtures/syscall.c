// SYSCALL_DEFINEn(name, t1, a1, ...) is a function, as spatch's standard.h defines it.
SYSCALL_DEFINE3(frob, unsigned int, fd, struct stat __user *, statbuf, u32, flags)
{
	check(fd);	// unsigned int
	check(statbuf);	// struct stat *
	check(flags);	// u32
	return 0;
}

SYSCALL_DEFINE2(sigmask, old_sigset_t __user *, nset, const char __user *const *, argv)
{
	check(nset);	// old_sigset_t *
	check(*nset);	// old_sigset_t
	check(argv);	// const char *const *
	return 0;
}

void f(void)
{
	check(frob(1, 0, 0));	// unsigned long
	check(frob);	// unsigned long (unsigned int fd, struct stat *statbuf, u32 flags)
}

FOO(struct bpf_timer_kern *timer, int flags)
{
	foo(timer);
	return 0;
}

BPF_CALL_0(bpf_get_smp_processor_id)
{
	foo(0);
	return 0;
}

SYSCALL_DEFINE2(close2, unsigned int, fd, int, flags)
{
	foo(fd);
	return 0;
}

BPF_CALL_1(bpf_timer_cancel, struct bpf_timer_kern *, timer)
{
	foo(timer);
	return 0;
}

int after(int x)
{
	bar(x);
	return 0;
}

foo(a, b)
{
	foo(a);
	return b;
}

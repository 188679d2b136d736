void check_ops(long len, long cap)
{
	probe(4 == 5);
	probe(4 & 6);
	verify(4 != 5);
	verify(4 <= 6);
	swap_args(len == cap);
	swap_args(len & cap);
	swap_args(len != cap);
	swap_args(len <= cap);
	swap_args(len - cap);
}

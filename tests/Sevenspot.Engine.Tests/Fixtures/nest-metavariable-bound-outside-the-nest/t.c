int f(void)
{
	hw->hw_addr = ioremap(a, b);
	if (x)
		return g(pf, hw);
	if (y)
		return h(hw->hw_addr);
	return 0;
}
int g(void)
{
	p = ioremap(a, b);
	if (x)
		return k(p, p + 1);
	return p;
}

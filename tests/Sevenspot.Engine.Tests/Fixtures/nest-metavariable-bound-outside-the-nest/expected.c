int f(void)
{
	hw->hw_addr = ioremap(a, b);
	if (x)
		return g(pf, hw);
	if (y)
		return unmap_first(hw->hw_addr);
	return 0;
}
int g(void)
{
	p = ioremap(a, b);
	if (x)
		return unmap_first(p);
	return unmap_first(p);
}

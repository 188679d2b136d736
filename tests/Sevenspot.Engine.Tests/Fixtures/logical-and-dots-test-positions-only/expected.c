int f(void)
{
	if (checked(a))
		return 1;
	x = check(b);
	y = checked(c) && d;
	z = d && checked(e);
	w = !checked(g);
	v = h + check(i);
	u = j || checked(k);
	return checked(l) ? 1 : 0;
}

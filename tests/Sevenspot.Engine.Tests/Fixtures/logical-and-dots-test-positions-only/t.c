int f(void)
{
	if (check(a))
		return 1;
	x = check(b);
	y = check(c) && d;
	z = d && check(e);
	w = !check(g);
	v = h + check(i);
	u = j || check(k);
	return check(l) ? 1 : 0;
}

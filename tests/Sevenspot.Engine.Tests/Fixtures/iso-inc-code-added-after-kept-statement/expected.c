void f(int i, int j)
{
	a();
	i++;
	done(i);
	b();
	++i;
	done(i);
	c();
	i += 1;
	done(i);
	d();
	i = i + 1;
	done(i);
	for (j = 0; j < 10; j++)
		g(j);
	if (j) {
		++j;
		done(j);
	}
	h(i++);
}

void f(int i, int j, int k, int c)
{
	if (c)
		i++;
	else
		++j;
	while (c) {
		if (k)
			k += 1;
		else {
			k = k + 1;
		}
	}
	do
		++i;
	while (c);
	switch (c) {
	case 1:
		j += 1;
		break;
	}
}

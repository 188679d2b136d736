void f(int i, int j, int k, int c)
{
	if (c)
		inc(&i);
	else
		inc(&j);
	while (c) {
		if (k)
			inc(&k);
		else {
			inc(&k);
		}
	}
	do
		inc(&i);
	while (c);
	switch (c) {
	case 1:
		inc(&j);
		break;
	}
}

void f(int x)
{
	switch (x) {
	case 1:
		a();
		added();
		b();
		break;
	case 2:
		a();
	case 3:
		c();
		break;
	default:
		a();
	}
}

void g(int x)
{
	switch (x) {
	case 1:
		b();
		break;
	}
}

void f(int x)
{
	switch (x) {
	case 3:
		c();
		break;
	case 1:
		b();
		break;
	}
}

void f(int x)
{
	switch (x) {
	case 1:
		b();
		break;
	case 3:
		break;
	}
}

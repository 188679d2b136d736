void f(int x)
{
	start();
	switch (x) {
	case 1:
		a();
		break;
	case 2:
		switch (y) {
		case 5: q(); break;
		default: r();
		}
		break;
	}
	finish();
}

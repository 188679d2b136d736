int f(int x)
{
	switch (x) {
	case 1:
		foo(1);
		break;
	case 2:
		bar(1);
		break;
	}
	switch (x) {
	case 1:
		foo(1);
		break;
	case 2:
		bar(2);
		break;
	}
	return 0;
}

int f(int x) {
	switch (x) {
	case 1:
		a();
		break;
	case 2 ... 4:
	default:
		return 1;
	}
	return 0;
}

int g(void) {
	return 2;
}

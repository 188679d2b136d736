int compute(int a, int b)
{
	int base = 2;
	sum = 2;
	log_val(0 + 5);
	emit(6);
}

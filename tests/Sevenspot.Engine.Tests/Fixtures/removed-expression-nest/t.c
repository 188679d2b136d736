int compute(int a, int b)
{
	int sum = 2 + read_reg() + read_reg();
	int base = 2;
	sum = 2 + read_reg(a, b) * (read_reg() - 1);
	sum = 2;
	log_val(read_reg(1) + 5);
	emit(5 + read_reg(2));
	emit(6);
	return 2 + read_reg() + read_reg();
}

void wrap_b(void);
void wrap_a(void);
void main2(void)
{
	a(0);
	a(0);
	b(0);
}

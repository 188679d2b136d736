// inference: extended
// With extended inference, a for-loop declaration ends with the loop, as in C.
void f(long n)
{
	for (unsigned char n = 0; n < 3; n++)
		check(n);	// unsigned char
	for (int i = 0; i < 3; i++) {
		check(i);	// int
	}
	check(i);	// ?
	check(n);	// long
}

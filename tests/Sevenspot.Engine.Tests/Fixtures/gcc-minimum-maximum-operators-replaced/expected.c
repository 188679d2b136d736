int f(int a, int b, int c)
{
	int x = MIN(a, b);
	int y = MAX(a, b);
	x <?= c;
	y >?= c;
	return (MIN(a, b)) + (MAX(b, c));
}

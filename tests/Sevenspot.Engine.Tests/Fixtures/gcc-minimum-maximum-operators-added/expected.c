int f(int a, int b)
{
	int x = a <? b;
	int y = a + 1 >? b;
	return x + y;
}

void f(int x, int y, int z)
{
	bar(x);
	bar(y);
	bar(z);
	bar(__predict_false(x) + 1);
}

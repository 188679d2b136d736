void f(int i, int j, int k, int l)
{
	inc(&i);
	inc(&j);
	inc(&k);
	inc(&l);
}

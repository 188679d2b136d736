int count_down(int n)
{
	int r = 0;
again:
	n--;
	if (n)
		goto again;
	return r;
}

int count_up(int n)
{
	int r = 0;
again:
	r++;
	if (n--)
		goto again;
	return r;
}

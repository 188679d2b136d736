int used_between(int len)
{
	unsigned int hash0 = 1, hash1 = 2;

	hash0 = reset(hash1 + len);
	hash1 = hash0;
	return hash1;
}

int clean_path(int len)
{
	int t;

	len++;
	t = reset(len);
	return t;
}

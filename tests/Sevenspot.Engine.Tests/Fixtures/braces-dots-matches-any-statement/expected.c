int unbraced(int len, int result)
{
	if (len & 1)
		result += 1;
	return len & 1;
}

int braced_uses(int len, int result)
{
	if (len & 2) {
		result += 2;
	}
	return len & 2;
}

int braced(int len, int result)
{
	if (len & 4) {
		len += 4;
	}
	return len & 4;
}

int loop(int len, int result)
{
	if (len & 8)
		while (len)
			len--;
	return len & 8;
}

int not_after_if(int len, int result)
{
	len++;
	return result;
}

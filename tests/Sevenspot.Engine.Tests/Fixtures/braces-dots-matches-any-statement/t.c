int unbraced(int len, int result)
{
	if (len & 1)
		result += 1;
	return result;
}

int braced_uses(int len, int result)
{
	if (len & 2) {
		result += 2;
	}
	return result;
}

int braced(int len, int result)
{
	if (len & 4) {
		len += 4;
	}
	return result;
}

int loop(int len, int result)
{
	if (len & 8)
		while (len)
			len--;
	return result;
}

int not_after_if(int len, int result)
{
	len++;
	return result;
}

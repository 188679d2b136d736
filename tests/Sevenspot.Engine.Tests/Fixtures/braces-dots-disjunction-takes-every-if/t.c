int f(int len, int result)
{
	if (len & 1)
	result += 1;
	result = len;
	if (len & 2) {
		result += 2;
	}
	result = 0;
	return result;
}

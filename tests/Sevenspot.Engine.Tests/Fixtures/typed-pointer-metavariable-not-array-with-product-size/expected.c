void k(char *ptr)
{
	unsigned char linebuf[32 * 3 + 2];
	int words[4 * 2];
	char buf[200];

	h(linebuf, sizeof(linebuf));
	h(words, sizeof(words));
	h(buf, sizeof(buf));
	h(ptr, sizeof(*ptr));
}

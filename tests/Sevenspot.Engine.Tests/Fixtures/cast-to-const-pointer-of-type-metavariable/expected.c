typedef unsigned char byte_t;
void load(int *ip, byte_t *bp, const char *cp)
{
	read_buf(bp, 4);
	read_buf((byte_t *)bp, 4);
	read_buf(ip, 2);
	read_buf(cp, 1);
	read_buf((const int **)&ip, 8);
	read_buf(ip, 0);
}

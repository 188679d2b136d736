typedef unsigned char byte_t;
void load(int *ip, byte_t *bp, const char *cp)
{
	fill((byte_t *)bp, 4);
	fill((byte_t *)bp, 4);
	fill((byte_t *)bp, 4);
	fill((const volatile char *)cp, 1);
	fill((volatile const char *)cp, 1);
	fill((const char **)cp, 1);
	fill((const int **)&ip, 8);
	fill((int **)&ip, 8);
}

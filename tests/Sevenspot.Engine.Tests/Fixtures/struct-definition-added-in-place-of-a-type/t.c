typedef unsigned char u8;
u8 q;
int g(u8 z)
{
	return (u8)z;
}

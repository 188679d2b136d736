typedef unsigned char u8;
struct s {
	int a;
	long b;
} q;
int g(struct s {
		int a;
		long b;
	} z)
{
	return (struct s {
			int a;
			long b;
		})z;
}

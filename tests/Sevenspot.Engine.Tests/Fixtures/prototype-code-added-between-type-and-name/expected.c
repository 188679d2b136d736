int __attribute__((nonnull)) main(int x, Error **errp);
static long g(int x);
char *h(void);
int k(int x, Error **errp, int y);

int main(int x, Error **errp)
{
	return x;
}

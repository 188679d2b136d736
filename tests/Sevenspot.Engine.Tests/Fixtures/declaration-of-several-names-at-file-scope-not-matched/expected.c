int top1, top2;
static int s1, s2 = 3;
int *p, a;
int single;

int use(void)
{
	return top1 + s2;
}

int main() {
	static int a,b;
	register int c,d;
	int e,f;
	static int g;
}
static int a,b;
extern int h, i;

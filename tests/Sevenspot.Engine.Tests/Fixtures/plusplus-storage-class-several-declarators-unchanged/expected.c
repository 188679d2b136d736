int main() {
	static int a,b;
	register int c,d;
	char e;
	char f;
	static char g;
}
static int a,b;
extern int h, i;

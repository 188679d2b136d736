int main() {
	static int a,b;
	int c;
	char a;
	int c;
	char a;
	static char a;
}

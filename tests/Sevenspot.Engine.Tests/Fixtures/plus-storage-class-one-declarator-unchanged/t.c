int main() {
	static int a,b;
	int a,c;
	int c, a;
	static int a;
}

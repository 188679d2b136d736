int main() {
	static int a,b;
	int a,c;
	const int a,c;
	static int a;
}

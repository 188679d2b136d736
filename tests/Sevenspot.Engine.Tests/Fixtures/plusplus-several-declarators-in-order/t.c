int main () {
	int a,b,c;
	int d;
}
int f () {
	int a;
	int b;
}

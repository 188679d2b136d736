int main () {
	char a;
	char b;
	char c;
	char d;
}
int f () {
	char a;
	char b;
}

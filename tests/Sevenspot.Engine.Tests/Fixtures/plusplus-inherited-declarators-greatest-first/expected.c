int main () {
	char d;
	char c;
	char b;
	char a;
}
int g () {
	char c;
	char b;
	char a;
}

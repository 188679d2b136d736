int main () {
  int a, b, c, d;
}
int g () {
  int a; int b;
  int c;
}

int g;
void f(long l) {
  int i;
  i = l;
  g = l;
  l = 3;
}

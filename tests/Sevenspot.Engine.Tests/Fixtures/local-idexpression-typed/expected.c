int g;
void f(long l) {
  int i;
  i = (int)(l);
  g = l;
  l = 3;
}

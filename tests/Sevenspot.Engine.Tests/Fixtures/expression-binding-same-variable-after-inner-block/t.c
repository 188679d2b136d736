int main () {
  int a;
  f(a);
  if (x) { int a = 1;
  g(a);
  }
  g(a);
}

int main () {
  int a;
  if (x) { int a = 1;
  g(a);
  }
}

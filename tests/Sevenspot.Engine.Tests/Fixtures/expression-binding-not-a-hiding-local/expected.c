int main () {
  int a;
  f(a);
  { int a;
  g(a);
  }
}

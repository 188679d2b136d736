int main () {
  f(a);
  { int a;
  g(a);
  }
}

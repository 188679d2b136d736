int main () {
  int a;
  f(a+1);
  { int a;
  g(a+1);
  }
}

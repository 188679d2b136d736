void f() {
  int k;
  bool *p;
}

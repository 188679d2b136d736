void u(void) {
  long z;
  long y;
  f();
}
void v(void) {
  long z;
  long y;
  int *c;
  f();
}

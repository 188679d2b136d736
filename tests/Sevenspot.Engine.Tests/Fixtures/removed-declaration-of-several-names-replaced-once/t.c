void u(void) {
  int *q;
  int *b;
  f();
}
void v(void) {
  int *q;
  int *b;
  int *c;
  f();
}

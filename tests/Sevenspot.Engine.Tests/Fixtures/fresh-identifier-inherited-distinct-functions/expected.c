int _cf_0 (int a, struct foo *b) {
  foo();
  return b->d;
}
int _cf_1 (int a, struct foo *xyz) {
  foo();
  return xyz->d;
}

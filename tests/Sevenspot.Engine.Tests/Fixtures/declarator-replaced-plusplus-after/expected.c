int f() {
  int a, c;
  unsigned x;
  return 0;
}

int g() {
  int c = 2;
  unsigned x;
  return 1;
}

int h() {
  long a;
  int b;
  unsigned x;
  return 2;
}

int k() {
  int *x, y;
  return 3;
}

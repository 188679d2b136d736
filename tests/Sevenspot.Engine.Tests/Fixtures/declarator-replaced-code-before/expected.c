int f() {
  unsigned x;
  int a, c;
  return 0;
}

int g() {
  unsigned x;
  int c = 2;
  return 1;
}

int h() {
  long a;
  unsigned x;
  int b;
  return 2;
}

int k() {
  int *x, y;
  return 3;
}

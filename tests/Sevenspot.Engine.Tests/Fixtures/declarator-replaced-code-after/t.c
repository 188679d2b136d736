int f() {
  int a, x, c;
  return 0;
}

int g() {
  int x, c = 2;
  return 1;
}

int h() {
  long a;
  int b, x;
  return 2;
}

int k() {
  int *x, y;
  return 3;
}

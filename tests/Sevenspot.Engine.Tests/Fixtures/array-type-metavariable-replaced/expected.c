int f() {
  float x;
  float y;
  float z;
  return 0;
}

int g(int a) {
  float w;
  return a;
}

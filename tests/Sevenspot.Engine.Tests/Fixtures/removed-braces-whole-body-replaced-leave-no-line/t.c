int f(int x) {
  if (x) {
    one(1);
    two(1);
  }
}

int g(int x) {
  while (x) {
    one(2);
    two(2);
  }
}

int f () {
  one();
}
int g () {
  for (;;) {
    one();
  }
  switch (y) {
  case 1: one();
  default: two();
  }
}

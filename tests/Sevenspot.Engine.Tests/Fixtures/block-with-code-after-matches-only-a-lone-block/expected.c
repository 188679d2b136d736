int f () {
  a();
  {
    one();
  }
  foo();
  b();
  while (x) {
    two();
  }
}
int g () {
  if (y) {
    one();
  } else {
    two();
  }
}

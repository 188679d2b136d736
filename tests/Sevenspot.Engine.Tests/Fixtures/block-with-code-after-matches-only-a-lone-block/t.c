int f () {
  a();
  {
    one();
  }
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

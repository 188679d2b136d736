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

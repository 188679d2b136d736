int f () {
  a();
  {
    first();
  }
  b();
  while (x) {
    second();
  }
}

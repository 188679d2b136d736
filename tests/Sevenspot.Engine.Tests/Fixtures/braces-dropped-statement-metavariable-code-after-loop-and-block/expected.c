int f () {
  a();
  foo();
  {
    one();
    foo();
  }
  foo();
  b();
  foo();
  while (x) {
    {
      two();
      foo();
    }
    foo();
  }
  foo();
}

int f () {
  while (x) {
    {
      two();
      foo();
    }
    foo();
  }
  foo();
  b();
  foo();
}
int g () {
  while (x) {
    two();
    foo();
  }
  foo();
}
int h () {
  while (x) {
    {
      two();
      foo();
      three();
      foo();
    }
    foo();
  }
  foo();
}

int f () {
  one();
  foo();
}
int g () {
  for (;;) {
    {
      one();
      foo();
    }
    foo();
  }
  foo();
  switch (y) {
  case 1:
    foo(); one();
    foo();
  default:
    foo(); two();
    foo();
  }
  foo();
}

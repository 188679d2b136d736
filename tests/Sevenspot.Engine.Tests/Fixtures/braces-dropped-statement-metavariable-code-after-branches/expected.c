int f () {
  if (y) {
    {
      one();
      foo();
    }
    foo();
  } else {
    {
      two();
      foo();
    }
    foo();
  }
  foo();
  if (y) {
    one();
    foo();
  }
  foo();
}

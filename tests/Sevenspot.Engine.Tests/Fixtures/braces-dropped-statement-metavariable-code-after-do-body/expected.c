int f () {
  a();
  foo();
  {
    do {
      one();
      foo();
    }
    foo(); while(y);
    foo();
  }
  b();
  foo();
}

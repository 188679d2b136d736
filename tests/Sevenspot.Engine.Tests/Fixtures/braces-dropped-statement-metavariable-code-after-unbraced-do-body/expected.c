int f () {
  a();
  foo();
  {
    do one();
    foo(); while(y);
    foo();
  }
  b();
  foo();
}

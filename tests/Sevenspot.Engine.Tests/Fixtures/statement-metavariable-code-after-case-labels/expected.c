int g () {
  switch (y) {
  case 1:
    foo();
    one();
    foo();
    break;
    foo();
  case 2:
    foo(); {
    two();
    foo();
  }
  foo();
  }
  foo();
}

int f (int y) {
  if (y) {
    {
      while (y) {
        {
          if (y > 1) {
            {
              one();
              foo();
            }
            foo();
          }
          foo();
        }
        foo();
      }
      foo();
    }
    foo();
  }
  foo();
  for (y = 0; y < 3; y++) {
    if (y) {
      two();
      foo();
    }
    foo();
  }
  foo();
  return 0;
  foo();
}

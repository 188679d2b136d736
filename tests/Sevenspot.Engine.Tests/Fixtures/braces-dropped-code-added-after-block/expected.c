int main () {
  if (y) {
    one();
    foo();
  }
  else
    two();
  while (y) {
    one();
    foo();
  }
  for (;;)
    three();
  one();
  foo();
  return 0;
}

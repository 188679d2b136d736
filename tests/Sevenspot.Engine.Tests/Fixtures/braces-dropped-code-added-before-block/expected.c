int main () {
  if (y) {
    bar();
    one();
  }
  else
    two();
  while (y) {
    bar();
    one();
  }
  for (;;)
    three();
  bar();
  one();
  return 0;
}

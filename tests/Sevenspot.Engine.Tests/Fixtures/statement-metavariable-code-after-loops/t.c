int f () {
  while (x) {
    two();
  }
  b();
}
int g () {
  while (x)
    two();
}
int h () {
  while (x) {
    two();
    three();
  }
}

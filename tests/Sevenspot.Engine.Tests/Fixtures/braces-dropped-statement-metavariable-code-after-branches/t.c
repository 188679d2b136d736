int f () {
  if (y) {
    one();
  } else {
    two();
  }
  if (y)
    one();
}

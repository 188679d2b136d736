int f () {
  if (cond) {
    first();
  } else {
    second();
  }
  if (cond)
    first();
}

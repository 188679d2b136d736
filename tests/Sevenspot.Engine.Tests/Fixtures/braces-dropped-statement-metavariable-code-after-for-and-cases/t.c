int f () {
  first();
}
int g () {
  for (;;) {
    first();
  }
  switch (cond) {
  case 1: first();
  default: second();
  }
}

int f () {
  a();
  do {
    one();
  } while(y);
  b();
}

int f () {
  a();
  do first(); while(cond);
  b();
}

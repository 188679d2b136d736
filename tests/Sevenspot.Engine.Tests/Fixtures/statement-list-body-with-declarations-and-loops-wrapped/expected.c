int f(int x) {
  start();
  int y = 1, z;
  foo();
  if (x) bar(); else { baz(); }
  while (x) { x--; }
  for (;;) break;
  { int q; q = 1; }
  int w;
  return y;
  stop();
}
int g(int x) {
  start();
  foo();
  int w;
  stop();
}

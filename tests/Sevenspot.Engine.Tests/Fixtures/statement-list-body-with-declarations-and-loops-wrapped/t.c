int f(int x) {
  int y = 1, z;
  foo();
  if (x) bar(); else { baz(); }
  while (x) { x--; }
  for (;;) break;
  { int q; q = 1; }
  int w;
  return y;
}
int g(int x) {
  foo();
  int w;
}

static xmain (int x, int q);
inline ymain (int x, int q);
zmain(int y, int q);
wmain(void, int q);
int vmain(struct s *p, int q);
module_init(zmain);

static xmain (int y, int q) {
  return y;
}
inline ymain (int y, int q) {
  return y;
}
zmain (int y, int q) {
  return y;
}
wmain (void, int q) {
  return 0;
}
int vmain(struct s *p, int q) {
  return 0;
}

static xmain (int x);
inline ymain (int x);
zmain(int y);
wmain(void);
int vmain(struct s *p);
module_init(zmain);

static xmain (int y) {
  return y;
}
inline ymain (int y) {
  return y;
}
zmain (int y) {
  return y;
}
wmain (void) {
  return 0;
}
int vmain(struct s *p) {
  return 0;
}

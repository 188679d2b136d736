int fa(int x, int q);
static int fb(int x, int q);

int fa(int x, int q) {
  return x;
}

static int fb(int y, int q) {
  return y;
}

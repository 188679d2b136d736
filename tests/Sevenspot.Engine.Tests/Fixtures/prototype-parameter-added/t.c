int fa(int x);
static int fb(int x);

int fa(int x) {
  return x;
}

static int fb(int y) {
  return y;
}

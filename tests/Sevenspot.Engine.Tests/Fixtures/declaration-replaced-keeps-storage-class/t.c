int main () {
  static int x;
  static const int z;
  extern int w;
  register int v = 3;
  int u;
  f(x);
}

int f() {
  int c;
  Packet q,q;
  Packet q;
  int d, e;
  return 0;
}

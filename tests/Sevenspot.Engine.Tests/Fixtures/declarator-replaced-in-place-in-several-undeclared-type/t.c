int f() {
  int c;
  Packet p1,p2;
  Packet p3;
  int d, e;
  return 0;
}

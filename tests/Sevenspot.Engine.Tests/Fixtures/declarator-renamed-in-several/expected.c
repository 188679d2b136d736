int f() {
  int q;
  Packet p1,p2;
  Packet p3;
  int q, q;
  return 0;
}

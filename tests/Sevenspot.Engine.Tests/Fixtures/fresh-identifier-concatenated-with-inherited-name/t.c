int alpha(void) {
  return 1;
}
int beta(int x) {
  return x;
}

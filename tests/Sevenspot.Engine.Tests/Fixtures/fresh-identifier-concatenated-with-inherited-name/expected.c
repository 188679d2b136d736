int alpha(void) {
  alpha_helper();
  return 1;
}
int beta(int x) {
  beta_helper();
  return x;
}

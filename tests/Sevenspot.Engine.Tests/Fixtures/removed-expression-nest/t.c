int main () {
  int x = 3 + FN() + FN();
  int z = 3;
  x = 3 + FN(a, b) * (FN() - 1);
  x = 3;
  g(FN(1) + 2);
  h(3 + FN(2));
  h(4);
  return 3 + FN() + FN();
}

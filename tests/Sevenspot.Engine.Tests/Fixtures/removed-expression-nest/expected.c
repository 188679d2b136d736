int main () {
  int z = 3;
  x = 3;
  g(0 + 2);
  h(4);
}

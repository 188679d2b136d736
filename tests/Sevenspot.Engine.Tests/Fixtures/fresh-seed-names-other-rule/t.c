int main () {
  f(c, 1);
  g(c);
  g(d);
  h();
}

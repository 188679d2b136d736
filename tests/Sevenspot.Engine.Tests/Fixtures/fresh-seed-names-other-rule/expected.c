int main () {
  f(c, 1);
  g(foo_c);
  g(d);
  h(h_c_end);
}

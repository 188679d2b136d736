int main () {
  f(4+3);
  g(4+3);
  f(a*b+c);
  g(a*b+c);
  f(x = y);
  g(x = y);
}

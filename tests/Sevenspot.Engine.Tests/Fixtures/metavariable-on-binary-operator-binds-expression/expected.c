int main () {
  f(4+3);
  h(4 + 3);
  f(a*b+c);
  h(a * b + c);
  f(x = y);
  g(x = y);
}

int main () {
  register int v = 3;
  f(x);
}

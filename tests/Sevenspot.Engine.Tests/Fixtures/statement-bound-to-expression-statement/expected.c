int main () {
  before();
  if (f()) return 15;
  before();
  x = f();
  if (y) {
    before();
    z = f() + 1;
  }
  while (g()) { before();
    h(f()); }
  before();
  return f();
}

int main () {
  if (f()) return 15;
  x = f();
  if (y) z = f() + 1;
  while (g()) { h(f()); }
  return f();
}

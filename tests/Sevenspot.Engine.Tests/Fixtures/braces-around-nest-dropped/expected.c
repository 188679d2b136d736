int main () {
  while (1) {
    if (x > 1) { foo();
      bar(); break; }
  }
  while (1)
    if (x > 1) { foo();
      bar(); break; }
  while (y)
    if (x > 1) { foo(); return; }
  while (y) {
    a();
    if (x) { foo();
      bar(); break; }
    if (z) { foo();
      bar(); break; }
  }
  while (z)
    g();
}

int main () {
  while (1) {
    if (x > 1) { foo(); break; }
  }
  while (1)
    if (x > 1) { foo(); break; }
  while (y)
    if (x > 1) { foo(); return; }
  while (y) {
    a();
    if (x) { foo(); break; }
    if (z) { foo(); break; }
  }
  while (z)
    g();
}

int main () {
  a();
  if (x) {}
  while (y) {}
}

int main () {
  a();
  if (x) b(g(1));
  while (y) c(g(2));
  return g(3);
}

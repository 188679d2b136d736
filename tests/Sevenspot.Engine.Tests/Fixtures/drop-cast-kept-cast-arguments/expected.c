int main() {
  f(g(y));
  f((long) g(z));
  f((int) g((a + 1)));
}

int main() {
  f(y);
  f((long)z);
  f((int)(a + 1));
}

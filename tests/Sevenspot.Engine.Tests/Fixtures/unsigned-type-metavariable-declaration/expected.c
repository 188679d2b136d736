int main() {
  unsigned u;
  int y;
  return 0;
}

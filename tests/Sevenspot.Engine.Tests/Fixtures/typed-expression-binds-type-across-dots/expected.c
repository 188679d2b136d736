int main() {
  int x;
  f(sizeof(struct foo));
}

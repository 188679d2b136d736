int main() {
  char *p;
  g(sizeof(int));
}

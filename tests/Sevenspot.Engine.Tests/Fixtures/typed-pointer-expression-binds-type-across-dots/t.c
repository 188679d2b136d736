int main() {
  char *p;
  g(p);
  g(sizeof(int));
  g(sizeof(char));
}

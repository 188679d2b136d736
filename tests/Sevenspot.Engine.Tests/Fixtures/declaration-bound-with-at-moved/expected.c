int main () {
  int y;
  int x;
  g(x);
}

int other () {
  int x = 1;
  int y;
  int x;
  return x;
}

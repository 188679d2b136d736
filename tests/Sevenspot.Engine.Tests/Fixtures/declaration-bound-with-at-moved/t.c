int main () {
  int x;
  int y;
  g(x);
}

int other () {
  int x = 1;
  int y;
  return x;
}

int main (int a, struct foo *b) {
  return b->d;
}
int other (int a, struct foo *xyz) {
  return xyz->d;
}

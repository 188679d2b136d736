int main (int a, struct foo *b, char **c, const struct bar * const d, int (*fp)(int x), int arr[3]) {
  return 0;
}

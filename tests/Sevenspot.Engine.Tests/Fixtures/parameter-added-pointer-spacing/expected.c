int main (int a, struct foo *b, char **c, const struct bar * const d, int (*fp)(int x), int arr[3]) {
  struct foo *b = NULL;
  char **c;
  const struct bar *const e = 0;
  return 0;
}
struct foo *k(char *x);
struct foo **k2(char **x, char *const*y);

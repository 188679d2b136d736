int main (int a, struct foo*b, char * c, char   **  d, const struct bar *const*e, int (* fp) (int x), int arr [3]) {
  return 0;
}

void g(int a, struct foo *b, char *c, char **d, const struct bar * const *e,
       int (*fp)(int x), int arr[3])
{
}
int h(int a, struct foo *b, char *c, char **d, const struct bar * const *e,
      int (*fp)(int x), int arr[3]);

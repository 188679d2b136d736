#ifdef FIRST
int _cf_0 (int a, struct foo *b, struct bar *c) {
  foo();
  a = b->x;
  return c->d;
}

int main(int a, struct foo *b, struct bar *c)
{
  return _cf_0();
}
#else
int _cf_1 (int a, struct foo *xyz) {
  foo();
  a = xyz->x;
  return xyz->d;
}

int main(int a, struct foo *xyz)
{
  return _cf_1();
}
#endif


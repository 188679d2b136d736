void g(void)
{
  int a, b;
  use(a);
  foo();
}

void h(void)
{
  int c;
  use(c);
}

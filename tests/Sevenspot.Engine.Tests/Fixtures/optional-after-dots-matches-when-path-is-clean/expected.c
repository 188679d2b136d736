void g(void)
{
  int a;
  use(a);
  foo();
}

void h(void)
{
  int c;
  use(c);
}

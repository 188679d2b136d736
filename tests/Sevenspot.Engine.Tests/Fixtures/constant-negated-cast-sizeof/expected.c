#define FOO 10
void foo()
{
  int i;
  12;
  !i & -(FOO);
  !i & (FOO);
  !i & -(10);
  !i & ~FOO;
  !i & ~10;
  !i & +10;
  12;
  12;
  12;
  12;
  !i & -Foo;
  12;
  12;
}

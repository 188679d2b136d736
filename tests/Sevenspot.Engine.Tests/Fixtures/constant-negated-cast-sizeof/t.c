#define FOO 10
void foo()
{
  int i;
  !i & -FOO;
  !i & -(FOO);
  !i & (FOO);
  !i & -(10);
  !i & ~FOO;
  !i & ~10;
  !i & +10;
  !i & - -FOO;
  !i & (int)FOO;
  !i & (int)-10;
  !i & 'c';
  !i & -Foo;
  !i & sizeof(int);
  !i & -sizeof(int);
}

void f(int x) {
  foo(x * 2);
  baz(x);
  bar(x + 3);
}

void f(int x) {
  foo(x * 2);
  bar(x * 3);
  bar(x + 3);
}

void f(void) { foo(); baz(); }
void g(void) { bar(); }

void f(void) { foo(); qux(); }
void g(void) { bar(); }

void a1(unsigned x) { foo(x); }
void a2(unsigned int x) { foo(x); }
void a3(signed x) { foo(x); }
void a4(signed int x) { foo(x); }
void a5(int x) { foo(x); }
void a6(long x) { foo(x); }
void a7(long int x) { foo(x); }
void a8(unsigned long x) { foo(x); }
void a9(unsigned long int x) { foo(x); }
void b1(short x) { foo(x); }
void b2(short int x) { foo(x); }
void b3(long long x) { foo(x); }
void b4(long long int x) { foo(x); }
void b5(unsigned short x) { foo(x); }
void b6(signed long x) { foo(x); }
void b7(unsigned char x) { foo(x); }
void b8(char x) { foo(x); }

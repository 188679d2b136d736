#define CALL1(a) h(a)
#define CALL3(a) h(1, 2, a)
#define STMT(a) do { h(7, a); } while (0)

#define CALL1(a) g(a)
#define CALL3(a) g(a, 1, 2)
#define STMT(a) do { g(a, 7); } while (0)

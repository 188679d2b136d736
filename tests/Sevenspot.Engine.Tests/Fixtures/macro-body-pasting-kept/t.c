#define STR(x) foo(#x, a ## b, array_size(c, d))
#define LOG(fmt, ...) pr(fmt, ## __VA_ARGS__, array_size(n, m))
#define NAME(p, q) p ## _ ## q(array_size(p, q))
#define TWO(p) a(array_size(p, p)); b(p);

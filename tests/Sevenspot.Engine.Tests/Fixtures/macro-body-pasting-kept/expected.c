#define STR(x) foo(#x, a ## b, size_mul(c, d))
#define LOG(fmt, ...) pr(fmt, ## __VA_ARGS__, size_mul(n, m))
#define NAME(p, q) p ## _ ## q(size_mul(p, q))
#define TWO(p) a(array_size(p, p)); b(p);

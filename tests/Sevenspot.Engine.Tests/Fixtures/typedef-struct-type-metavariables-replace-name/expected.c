typedef struct point { int x, y; } point_t;
typedef unsigned long ulong_t;

ulong_t norm(struct point *p) {
  struct point q;
  ulong_t n = p->x;
  q = *p;
  return n + q.y;
}

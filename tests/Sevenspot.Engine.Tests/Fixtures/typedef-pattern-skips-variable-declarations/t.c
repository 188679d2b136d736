typedef struct point { int x, y; } point_t;
typedef unsigned long ulong_t;

ulong_t norm(point_t *p) {
  point_t q;
  ulong_t n = p->x;
  q = *p;
  return n + q.y;
}

typedef struct point point_t;
typedef unsigned long ulong_t;

int norm(struct point *p) {
  struct point q;
  unsigned long n = p->x;
  q = *p;
  return n + q.y;
}



ulong_t norm(point_t *p) {
  point_t q;
  ulong_t n = p->x;
  q = *p;
  return n + q.y;
}

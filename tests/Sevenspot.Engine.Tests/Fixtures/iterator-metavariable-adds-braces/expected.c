void f(struct list_head *h) {
  struct item *p;
  list_for_each_entry(p, h, node) {
    use(p);
  }
  for (p = 0; p; p++)
    use(p);
}

int f(unsigned long t) {
  if (time_after(t, jiffies)) return 1;
  if (t > other) return 2;
  return 0;
}

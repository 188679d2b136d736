int f (int cond) {
  if (cond) {
    while (cond) {
      if (cond > 1) {
        first();
      }
    }
  }
  for (cond = 0; cond < 3; cond++)
    if (cond)
      second();
  return 0;
}

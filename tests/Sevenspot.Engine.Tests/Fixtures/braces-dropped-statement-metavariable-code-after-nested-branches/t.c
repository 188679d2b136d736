int f (int y) {
  if (y) {
    while (y) {
      if (y > 1) {
        one();
      }
    }
  }
  for (y = 0; y < 3; y++)
    if (y)
      two();
  return 0;
}

int f (int cond) {
  if (cond) {
    {
      while (cond) {
        {
          if (cond > 1) {
            {
              first();
              after_block();
            }
            after_block();
          }
          after_block();
        }
        after_block();
      }
      after_block();
    }
    after_block();
  }
  after_block();
  for (cond = 0; cond < 3; cond++) {
    if (cond) {
      second();
      after_block();
    }
    after_block();
  }
  after_block();
  return 0;
  after_block();
}

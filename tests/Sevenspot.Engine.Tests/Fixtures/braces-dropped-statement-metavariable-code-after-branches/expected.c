int f () {
  if (cond) {
    {
      first();
      after_block();
    }
    after_block();
  } else {
    {
      second();
      after_block();
    }
    after_block();
  }
  after_block();
  if (cond) {
    first();
    after_block();
  }
  after_block();
}

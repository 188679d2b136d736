int f () {
  a();
  after_block();
  {
    first();
    after_block();
  }
  after_block();
  b();
  after_block();
  while (x) {
    {
      second();
      after_block();
    }
    after_block();
  }
  after_block();
}

int f () {
  a();
  after_block();
  {
    do first();
    after_block(); while(cond);
    after_block();
  }
  b();
  after_block();
}

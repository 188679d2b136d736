int f () {
  first();
  after_block();
}
int g () {
  for (;;) {
    {
      first();
      after_block();
    }
    after_block();
  }
  after_block();
  switch (cond) {
  case 1:
    after_block(); first();
    after_block();
  default:
    after_block(); second();
    after_block();
  }
  after_block();
}

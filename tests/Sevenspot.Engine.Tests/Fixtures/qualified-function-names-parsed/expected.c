int Account::balance(int x) {
  return 0;
}

int Outer::Inner::limit() {
  return 0;
}

Account::~Account() {
  release(0 + 1);
}

int f(void) {
  return 1;
}

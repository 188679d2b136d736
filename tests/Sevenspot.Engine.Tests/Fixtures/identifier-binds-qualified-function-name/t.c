static int Stack::push(int v) {
  return v;
}

static int pop(int v) {
  return v;
}

void use(void) {
  Stack::push(1);
  pop(2);
}

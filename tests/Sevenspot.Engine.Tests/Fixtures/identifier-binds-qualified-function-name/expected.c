static int Stack::push(int v) {
  return v;
}

static int pop(int v) {
  return v;
}

void use(void) {
  checked(Stack::push, 1);
  checked(pop, 2);
}

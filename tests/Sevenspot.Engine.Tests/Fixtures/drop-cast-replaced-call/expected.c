int main() {
  y = kzalloc(sizeof(struct bar), GPF_KERNEL);
}

int g() {
  z = kzalloc(sizeof(struct bar), GPF_KERNEL);
}

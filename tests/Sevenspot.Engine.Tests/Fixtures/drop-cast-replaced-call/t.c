int main() {
  y = kmalloc(sizeof(struct bar),GPF_KERNEL);
  memset(y,0,sizeof(struct bar));
}

int g() {
  z = (char *)kmalloc(sizeof(struct bar),GPF_KERNEL);
  memset(z,0,sizeof(struct bar));
}

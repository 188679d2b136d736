int main() {
  y = kmalloc(1, 3);
  z = (char *)kmalloc(1, 4);
}

int main() {
  y = kmalloc(2, 3);
  z = (char *)kmalloc(2, 4);
}

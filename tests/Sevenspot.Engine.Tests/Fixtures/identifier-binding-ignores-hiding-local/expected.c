int main () {
  int a;
  { int a;
  }
}

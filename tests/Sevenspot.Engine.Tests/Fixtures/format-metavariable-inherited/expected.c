int main () {
  foo("%d items");
  bar("n=%x");
  bar("n=%ld");
}

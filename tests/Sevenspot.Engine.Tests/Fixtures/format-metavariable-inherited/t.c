int main () {
  foo("%d items");
  bar("n=%d");
  bar("n=%x");
  bar("%d");
  bar("n=%ld");
}

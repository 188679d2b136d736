int main () {
  foo("blah %x blah");
  foo("%d %x");
  foo("%x %d");
  foo("%d");
}

int main () {
  foo("blah %x blah");
  foo("blah %1x blah %2x blah");
  foo("%d %x");
  foo("%x %d");
  foo("%d");
}

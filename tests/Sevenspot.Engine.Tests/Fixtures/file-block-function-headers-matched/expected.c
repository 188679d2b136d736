extern "C" {
int counter = 0;

int get(void) {
  trace();
  return 0;
}
}

namespace outer {
namespace inner {
int twice(int x) {
  trace();
  return 0;
}
}
}

namespace {
static int hidden(void) {
  trace();
  return 0;
}
}

int after(void) {
  trace();
  return 0;
}

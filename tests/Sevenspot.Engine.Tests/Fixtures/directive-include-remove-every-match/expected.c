
#include <asm/b.h>
int x;
int y;
#ifdef FOO
#endif
void f(void) {
}

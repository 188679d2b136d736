int f(int x) {
    buf = foo(alloca(1
#if X
   +2
#endif
   ), 4);
    return alloca(x
#ifdef CONFIG_A
        + 1
#endif
#ifndef CONFIG_B
        + 2
#endif
        );
}
